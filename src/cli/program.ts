import { Command, Option } from "commander";
import { DEFAULTS, DETECT_MODES, FORMATS, LOG_LEVELS, ORDERS } from "./options.js";
import { PLAN_NAMES } from "./plans.js";

/** What commander hands back: every value still a string or a boolean, checked later. */
export interface ParsedFlags {
  wallets?: string;
  format: string;
  order?: string;
  detect: string;
  out?: string;
  append: boolean;
  state?: string;
  summaryJson?: string;
  since?: string;
  until?: string;
  includeFailed: boolean;
  raw: boolean;
  concurrency: string;
  parallelPages: string;
  timeout: string;
  maxRetries: string;
  rps?: string;
  rpcRps?: string;
  plan?: string;
  apiUrl?: string;
  rpcUrl?: string;
  apiKey?: string;
  logLevel: string;
  quiet: boolean;
}

const HELP_FOOTER = `
Environment:
  HELIUS_API_KEY    API key (required; a .env file in the working directory is read)
  HELIUS_API_URL    Enhanced API base URL (default ${DEFAULTS.apiUrl})
  HELIUS_RPC_URL    JSON-RPC URL (default ${DEFAULTS.rpcUrl})

Exit codes:
  0 done, 2 bad usage or input, 3 API key rejected,
  4 upstream failure after retries (or credits used up), 130 interrupted

Examples:
  fetch-swaps <wallet> > swaps.ndjson
  fetch-swaps <wallet> --format json | jq 'length'
  fetch-swaps <wallet> --out swaps.csv --format csv --order asc
  fetch-swaps demo`;

/** Adds the flags shared by the main command and `demo`. */
export function addExportOptions(command: Command, { network }: { network: boolean }): Command {
  command
    .addOption(
      new Option("-f, --format <format>", "output format")
        .choices(FORMATS)
        .default(DEFAULTS.format),
    )
    .option("-o, --out <file>", "write to this file atomically instead of stdout")
    .option("--append", "add new swaps to the end of --out (ndjson or csv), oldest first", false)
    .option("--state <file>", "bookmark per wallet: export only what is new since the last run")
    .option("--since <time>", "only swaps at or after this time (ISO 8601, date, Unix s, 7d)")
    .option("--until <time>", "only swaps at or before this time (same forms as --since)")
    .addOption(
      new Option(
        "--order <order>",
        "desc: newest first; asc: oldest first (default: desc)",
      ).choices(ORDERS),
    )
    .addOption(
      new Option(
        "--detect <mode>",
        "what counts as a swap: Helius labels, balance changes, or both",
      )
        .choices(DETECT_MODES)
        .default(DEFAULTS.detect),
    )
    .option("--include-failed", "also export failed swap attempts", false)
    .option("--raw", "emit Helius's enhanced transaction objects untouched", false)
    .option(
      "-c, --concurrency <n>",
      "requests in flight at most (1-100)",
      `${DEFAULTS.concurrency}`,
    )
    .option(
      "-p, --parallel-pages <n>",
      "parse calls of 100 transactions in flight at most (1-100)",
      `${DEFAULTS.parallelPages}`,
    )
    .option("--timeout <seconds>", "per-request timeout", `${DEFAULTS.timeoutSeconds}`)
    .option("--max-retries <n>", "retries per request (0-20)", `${DEFAULTS.maxRetries}`)
    .option("--rps <n>", "pace Enhanced API calls to this many a second")
    .option("--rpc-rps <n>", "pace JSON-RPC calls to this many a second")
    .addOption(
      new Option(
        "--plan <plan>",
        "pace both API classes to a Helius plan's published limits",
      ).choices(PLAN_NAMES),
    );

  if (network) {
    command
      .option("--api-url <url>", "Enhanced API base URL (env HELIUS_API_URL)")
      .option("--rpc-url <url>", "JSON-RPC URL (env HELIUS_RPC_URL)")
      .option("--api-key <key>", "API key; prefer HELIUS_API_KEY (visible to other users here)");
  }

  return command
    .addOption(
      new Option("--log-level <level>", "log detail on stderr")
        .choices(LOG_LEVELS)
        .default(DEFAULTS.logLevel),
    )
    .option("-q, --quiet", "only errors on stderr: no progress, no info logs", false)
    .option("--summary-json <file>", "also write the end-of-run summary to this file as JSON");
}

export interface ProgramHandlers {
  exportWallets(wallets: string[], flags: ParsedFlags): Promise<void>;
  demo(flags: ParsedFlags & { transactions: string }): Promise<void>;
}

/** The command-line interface, with commander's own printing left to the caller. */
export function createProgram(version: string, handlers: ProgramHandlers): Command {
  const program = new Command("fetch-swaps")
    .description("Export a Solana wallet's complete swap history from Helius, in order.")
    .version(version, "-V, --version")
    .argument("[wallets...]", "wallet addresses (base58); or use --wallets FILE")
    .showHelpAfterError(false)
    // Flags after `demo` belong to `demo`, though the main command has flags of the same names.
    .enablePositionalOptions()
    .exitOverride()
    .addHelpText("after", HELP_FOOTER)
    .action((wallets: string[], flags: ParsedFlags) => handlers.exportWallets(wallets, flags));
  addExportOptions(program, { network: true });
  program.option(
    "--wallets <file>",
    "read wallet addresses from a file, one per line (# comments)",
  );

  const demo = new Command("demo")
    .description("export a synthetic wallet from the bundled Helius simulator (no key needed)")
    .option("--transactions <n>", "transactions in the demo wallet", "2500")
    .exitOverride()
    .action((flags: ParsedFlags & { transactions: string }) => handlers.demo(flags));
  addExportOptions(demo, { network: false });
  program.addCommand(demo);

  return program;
}
