import type { Logger } from "pino";
import { MethodUnavailableError } from "../helius/errors.js";
import type { SignatureInfo } from "../helius/schemas/signature-page.js";
import { type Bookmark, cutAtBookmark } from "./bookmark-cut.js";
import type { WalkOrder } from "./shard-plan.js";
import type { GtfaSource } from "./shard-scheduler.js";
import { type BlockTimeWindow, openShardedWalk } from "./sharded-walk.js";

/** `--signatures`: which method lists a wallet's signatures. */
export type SignatureMode = "rpc" | "gtfa" | "auto";

export const SIGNATURE_MODES = ["auto", "gtfa", "rpc"] as const satisfies readonly SignatureMode[];

/** Where one wallet's signatures come from. */
export interface SignatureSourceChoice {
  method: "gtfa" | "rpc";
  /**
   * The order of the pages, and so of the records: gTFA serves the order asked for; the
   * `getSignaturesForAddress` walk is always newest first.
   */
  order: WalkOrder;
  /** For `fetchSwaps`'s `signaturePages`; absent for its own `getSignaturesForAddress` walk. */
  pages?: (signal: AbortSignal) => AsyncIterable<SignatureInfo[]>;
}

export interface SignatureSourcePickerOptions {
  mode: SignatureMode;
  source: GtfaSource;
  /** gTFA chains in flight per wallet. */
  chains: number;
  /** A fixed shard count (diagnosis and tests); adaptive when absent. */
  shards?: number;
  logger: Logger;
}

export interface WalletSignatureRequest {
  wallet: string;
  order: WalkOrder;
  /** Needs gTFA: a plan that refuses it fails the run rather than lose these swaps. */
  tokenAccounts: boolean;
  /** Failed transactions are exported too (`--include-failed`). */
  includeFailed: boolean;
  timeWindow?: BlockTimeWindow;
  /** Only what is newer than this (incremental runs); its slot is pushed down. */
  after?: Bookmark;
}

/**
 * Picks each wallet's signature source for one run. `gtfa` always uses getTransactionsForAddress
 * (a refusal fails the run); `rpc` never does; `auto` tries it and, the first time the plan
 * refuses it, says so once and walks with getSignaturesForAddress for the rest of the run.
 * The first gTFA page is already requested when a choice is made, so trying costs no time.
 */
export class SignatureSourcePicker {
  readonly #options: SignatureSourcePickerOptions;
  #refused = false;

  constructor(options: SignatureSourcePickerOptions) {
    this.#options = options;
  }

  /** Whether `auto` fell back during this run. */
  get fellBack(): boolean {
    return this.#refused;
  }

  async pick(request: WalletSignatureRequest, signal: AbortSignal): Promise<SignatureSourceChoice> {
    const { mode, source, chains, shards, logger } = this.#options;
    const rpc: SignatureSourceChoice = { method: "rpc", order: "desc" };
    if (mode === "rpc" || (mode === "auto" && this.#refused && !request.tokenAccounts)) return rpc;

    try {
      const { after, includeFailed, ...walkRequest } = request;
      const walk = await openShardedWalk(
        source,
        {
          ...walkRequest,
          // The bookmark may be a failed transaction (an earlier run listed everything): the
          // cut must find it in its slot, or that slot's older swaps would be exported again.
          listFailed: includeFailed || after !== undefined,
          ...(after === undefined ? {} : { fromSlot: after.slot }),
          chains,
          ...(shards === undefined ? {} : { shards }),
          logger,
        },
        signal,
      );
      const pages = (pageSignal: AbortSignal) =>
        after === undefined
          ? walk.pages(pageSignal)
          : cutAtBookmark(walk.pages(pageSignal), after, walk.order);
      return { method: "gtfa", order: walk.order, pages };
    } catch (error) {
      const canFallBack = mode === "auto" && !request.tokenAccounts;
      if (!(error instanceof MethodUnavailableError) || !canFallBack) throw error;

      this.#refused = true;
      logger.info(
        { reason: error.message },
        "getTransactionsForAddress is not available: walking with getSignaturesForAddress",
      );
      return rpc;
    }
  }
}
