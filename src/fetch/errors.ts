import { ExitCode, FetchSwapsError } from "../errors.js";

/** Helius kept leaving transactions out of its answers after every retry. */
export class MissingTransactionsError extends FetchSwapsError {
  readonly code = "E_MISSING_TRANSACTIONS";
  readonly exitCode = ExitCode.upstream;
  readonly signatures: readonly string[];

  constructor(signatures: readonly string[], attempts: number) {
    const listed = signatures.slice(0, 5).join(", ");
    const more = signatures.length > 5 ? ` and ${signatures.length - 5} more` : "";
    super(
      `Helius did not return ${signatures.length} transaction(s) after ${attempts} attempts: ` +
        `${listed}${more}`,
    );
    this.signatures = signatures;
  }
}

/** The signature walk came back with the same page again: the cursor is not being honoured. */
export class PaginationStuckError extends FetchSwapsError {
  readonly code = "E_PAGINATION_STUCK";
  readonly exitCode = ExitCode.upstream;

  constructor(wallet: string, cursor: string | undefined) {
    super(
      `getSignaturesForAddress returned no new signatures for ${wallet} ` +
        `before ${cursor ?? "the newest"}: pagination is not advancing`,
    );
  }
}
