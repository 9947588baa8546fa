/**
 * The error hierarchy shared by every layer. Each error carries a stable `code` and the process
 * exit code it maps to, so the CLI can turn any failure into one line and one exit status
 * without knowing where it came from.
 */

/** Exit statuses, documented in the README. */
export const ExitCode = {
  ok: 0,
  /** Unexpected internal failure (a bug): reported with its message, never a stack by default. */
  internal: 1,
  /** Bad usage or input: invalid wallet, bad flag, missing key, unwritable --out. */
  usage: 2,
  /** Helius rejected the API key (401/403). */
  rejectedKey: 3,
  /** Upstream failure after retries, credits exhausted, or transactions Helius would not return. */
  upstream: 4,
  /** Another run holds the state file's lock; nothing was done. */
  busy: 5,
  /** SIGINT or SIGTERM. */
  interrupted: 130,
} as const;

export type ExitStatus = (typeof ExitCode)[keyof typeof ExitCode];

export interface FetchSwapsErrorOptions {
  cause?: unknown;
}

/** Base class: every expected failure of fetch-swaps is one of these. */
export abstract class FetchSwapsError extends Error {
  abstract readonly code: string;
  abstract readonly exitCode: ExitStatus;

  constructor(message: string, options: FetchSwapsErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
  }
}

/** Input the user can fix: a flag, an argument, the environment, the output path. */
export class UsageError extends FetchSwapsError {
  readonly code = "E_USAGE";
  readonly exitCode = ExitCode.usage;
}

/** The run was stopped by a signal before it completed. */
export class InterruptedError extends FetchSwapsError {
  readonly code = "E_INTERRUPTED";
  readonly exitCode = ExitCode.interrupted;

  constructor(signal = "signal") {
    super(`interrupted by ${signal}`);
  }
}

export function isFetchSwapsError(error: unknown): error is FetchSwapsError {
  return error instanceof FetchSwapsError;
}
