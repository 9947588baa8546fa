import { UsageError } from "../errors.js";
import type { Environment } from "./environment.js";
import { DEFAULTS, type ExportOptions, rawOptionsSchema } from "./options.js";
import type { ParsedFlags } from "./program.js";
import { collectWallets } from "./wallet-list.js";

/**
 * Turns arguments, flags and environment into the checked options everything below trusts. A
 * flag beats the environment, which beats the default. The first problem found becomes a
 * UsageError whose message names the flag and what it expects.
 */
export async function resolveExportOptions(
  positional: readonly string[],
  flags: ParsedFlags,
  environment: Environment,
): Promise<ExportOptions> {
  const candidate = {
    ...flags,
    wallets: await collectWallets(positional, flags.wallets),
    apiKey: flags.apiKey ?? environment.HELIUS_API_KEY,
    apiUrl: flags.apiUrl ?? environment.HELIUS_API_URL ?? DEFAULTS.apiUrl,
    rpcUrl: flags.rpcUrl ?? environment.HELIUS_RPC_URL ?? DEFAULTS.rpcUrl,
  };

  const result = rawOptionsSchema.safeParse(candidate);
  if (!result.success) {
    throw new UsageError(result.error.issues[0]?.message ?? "invalid options");
  }
  const { since, until, order, ...checked } = result.data;
  checkCombinations({ ...checked, order, since, until });

  return {
    ...checked,
    // Appending keeps a file in chronological order, so it writes oldest first.
    order: order ?? (checked.append ? "asc" : DEFAULTS.order),
    ...(since === undefined ? {} : { sinceUnix: since }),
    ...(until === undefined ? {} : { untilUnix: until }),
  };
}

function checkCombinations(options: {
  raw: boolean;
  format: string;
  append: boolean;
  out?: string | undefined;
  order?: string | undefined;
  since?: number | undefined;
  until?: number | undefined;
}): void {
  if (options.raw && options.format === "csv") {
    throw new UsageError("--raw objects cannot be written as CSV: use --format ndjson or json");
  }
  if (options.append && options.out === undefined) {
    throw new UsageError("--append needs --out FILE: it adds to the end of a file");
  }
  if (options.append && options.format === "json") {
    throw new UsageError("--append needs --format ndjson or csv: a JSON array cannot grow");
  }
  if (options.append && options.order === "desc") {
    throw new UsageError(
      "--append writes oldest first to keep the file in order: drop --order desc",
    );
  }
  if (options.since !== undefined && options.until !== undefined && options.since > options.until) {
    throw new UsageError("--since is later than --until: the window is empty");
  }
}
