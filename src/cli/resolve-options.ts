import { UsageError } from "../errors.js";
import type { Environment } from "./environment.js";
import { DEFAULTS, type ExportOptions, rawOptionsSchema } from "./options.js";
import type { ParsedFlags } from "./program.js";

/**
 * Turns flags and environment into the checked options everything below trusts. A flag beats
 * the environment, which beats the default. The first problem found becomes a UsageError
 * whose message names the flag and what it expects.
 */
export function resolveExportOptions(
  wallet: string,
  flags: ParsedFlags,
  environment: Environment,
): ExportOptions {
  const candidate = {
    ...flags,
    wallet,
    apiKey: flags.apiKey ?? environment.HELIUS_API_KEY,
    apiUrl: flags.apiUrl ?? environment.HELIUS_API_URL ?? DEFAULTS.apiUrl,
    rpcUrl: flags.rpcUrl ?? environment.HELIUS_RPC_URL ?? DEFAULTS.rpcUrl,
  };

  const result = rawOptionsSchema.safeParse(candidate);
  if (!result.success) {
    throw new UsageError(result.error.issues[0]?.message ?? "invalid options");
  }

  const options = result.data;
  if (options.raw && options.format === "csv") {
    throw new UsageError("--raw objects cannot be written as CSV: use --format ndjson or json");
  }
  return options;
}
