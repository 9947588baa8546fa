import { ExitCode, FetchSwapsError, type FetchSwapsErrorOptions } from "../errors.js";

export interface OutputErrorOptions extends FetchSwapsErrorOptions {
  /** The output file concerned; absent for standard output. */
  path?: string;
}

/**
 * Writing the output failed: the file system refused a write, fsync or rename, or standard
 * output failed for a reason other than its reader going away. Mapped to the usage exit status
 * because the user fixes it the way they fix an unwritable `--out` (space, permissions, path).
 */
export class OutputError extends FetchSwapsError {
  readonly code = "E_OUTPUT";
  readonly exitCode = ExitCode.usage;
  readonly path: string | undefined;

  constructor(message: string, options: OutputErrorOptions = {}) {
    super(message, options);
    this.path = options.path;
  }
}

/** Wraps a file-system failure with what was being done; fetch-swaps errors pass unchanged. */
export function toOutputError(error: unknown, action: string, path: string): Error {
  if (error instanceof FetchSwapsError) {
    return error;
  }

  const reason = error instanceof Error ? error.message : String(error);
  return new OutputError(`cannot ${action} ${path}: ${reason}`, { cause: error, path });
}
