import type {
  Instruction,
  NativeTransfer,
  TokenTransfer,
  TransactionEvents,
} from "./enhanced-transaction.js";
import type { BalanceLedger } from "./render-kit.js";

/**
 * What a kind-specific renderer produces: everything of the enhanced transaction except the
 * header fields, with balance changes still open so the fee and failure can be applied last.
 */
export interface RenderedBody {
  description: string;
  type: string;
  source: string;
  feePayer: string;
  tokenTransfers: TokenTransfer[];
  nativeTransfers: NativeTransfer[];
  /** Balance changes before the network fee. */
  ledger: BalanceLedger;
  instructions: Instruction[];
  events: TransactionEvents;
}
