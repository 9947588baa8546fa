import { ExitCode, FetchSwapsError } from "../errors.js";

/**
 * getTransactionsForAddress broke a promise the sharded walk relies on to list every
 * transaction exactly once: an entry outside the slot filter, out of order, or pages that stop
 * advancing. The run stops rather than export a history with holes or repeats.
 */
export class ShardedWalkError extends FetchSwapsError {
  readonly code = "E_SHARDED_WALK";
  readonly exitCode = ExitCode.upstream;

  constructor(wallet: string, problem: string) {
    super(`getTransactionsForAddress walk of ${wallet}: ${problem}`);
  }
}
