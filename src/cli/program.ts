import { Command, Option } from "commander";
import { SIGNATURE_MODES } from "../fetch/signature-source.js";
import { DEFAULTS, DETECT_MODES, FORMATS, LOG_LEVELS, ORDERS } from "./options.js";
import { PLAN_NAMES } from "./plans.js";

/** What commander hands back: every value still a string or a boolean, checked later. */
export interface ParsedFlags {
  wallets?: string;
  format?: string;
  order?: string;
  detect?: string;
  out?: string;
  append?: boolean;
  state?: string;
  summaryJson?: string;
  since?: string;
  until?: string;
  includeFailed?: boolean;
  raw?: boolean;
  concurrency?: string;
  parallelPages?: string;
  timeout?: string;
  maxRetries?: string;
  rps?: string;
  rpcRps?: string;
  plan?: string;
  signatures?: string;
  tokenAccounts?: boolean;
  gtfaShards?: string;
  apiUrl?: string;
  rpcUrl?: string;
  apiKey?: string;
  logLevel?: string;
  quiet?: boolean;
}

const HELP_FOOTER = `
Environment:
  HELIUS_API_KEY    API key (required; a .env file in the working directory is read)
  HELIUS_API_URL    Enhanced API base URL (default ${DEFAULTS.apiUrl})
  HELIUS_RPC_URL    JSON-RPC URL (default ${DEFAULTS.rpcUrl})

Exit codes:
  0 done            2 bad usage or input     3 API key or method refused
  4 upstream failure after retries, credits used up, or a wallet failed
  5 another run holds the --state file       130 interrupted

Examples:
  fetch-swaps <wallet> > swaps.ndjson
  fetch-swaps <wallet> --format json | jq 'length'
  fetch-swaps <wallet> --out swaps.csv --format csv --order asc
  fetch-swaps demo`;

/** Adds the flags shared by the main command and `demo`, grouped as `--help` shows them. */
export function addExportOptions(command: Command, { network }: { network: boolean }): Command {
  command
    .optionsGroup("Output:")
    .addOption(
      new Option(
        "-f, --format <format>",
        `ndjson, json or csv (default ${DEFAULTS.format})`,
      ).choices(FORMATS),
    )
    .option("-o, --out <file>", "write to this file atomically instead of stdout")
    .addOption(
      new Option("--order <order>", "desc: newest first (default); asc: oldest first").choices(
        ORDERS,
      ),
    )
    .option("--append", "add new swaps to the end of --out (ndjson or csv), oldest first")
    .option("--raw", "emit Helius's enhanced transaction objects untouched")
    .option("--summary-json <file>", "also write the end-of-run summary to this file as JSON");

  command
    .optionsGroup("What to export:")
    .option("--state <file>", "bookmark per wallet: export only what is new since the last run")
    .option("--since <time>", "only swaps at or after this time (ISO 8601, date, Unix s, 7d)")
    .option("--until <time>", "only swaps at or before this time (same forms as --since)")
    .addOption(
      new Option("--detect <mode>", `what counts as a swap (default ${DEFAULTS.detect})`).choices(
        DETECT_MODES,
      ),
    )
    .option("--include-failed", "also export failed swap attempts")
    .option(
      "--token-accounts",
      "also export swaps filled into the wallet's token accounts (needs getTransactionsForAddress)",
    );
  if (network) {
    command.option(
      "--wallets <file>",
      "read wallet addresses from a file, one per line (# comments)",
    );
  }

  command
    .optionsGroup("Speed and limits:")
    .option(
      "-c, --concurrency <n>",
      `requests in flight per lane (walk, parse), 1-100 (default ${DEFAULTS.concurrency})`,
    )
    .option(
      "-p, --parallel-pages <n>",
      `parse calls (100 transactions each) in flight, 1-100 (default ${DEFAULTS.parallelPages})`,
    )
    .option("--rps <n>", "pace Enhanced API calls to this many a second")
    .option("--rpc-rps <n>", "pace JSON-RPC calls to this many a second")
    .addOption(
      new Option(
        "--plan <plan>",
        "pace both API classes to a Helius plan's published limits",
      ).choices(PLAN_NAMES),
    )
    .addOption(
      new Option(
        "--signatures <method>",
        "auto: getTransactionsForAddress where the plan allows, else getSignaturesForAddress; " +
          `gtfa; rpc (default ${DEFAULTS.signatures})`,
      ).choices(SIGNATURE_MODES),
    )
    // Fixes the sharded walk's shard count instead of splitting by density (tests, diagnosis).
    .addOption(new Option("--gtfa-shards <n>").hideHelp())
    .option("--timeout <seconds>", `per-request timeout (default ${DEFAULTS.timeoutSeconds})`)
    .option("--max-retries <n>", `retries per request, 0-20 (default ${DEFAULTS.maxRetries})`);

  if (network) {
    command
      .optionsGroup("Helius:")
      .option("--api-url <url>", "Enhanced API base URL (env HELIUS_API_URL)")
      .option("--rpc-url <url>", "JSON-RPC URL (env HELIUS_RPC_URL)")
      .option("--api-key <key>", "API key; prefer HELIUS_API_KEY (visible to other users here)");
  }

  return command
    .optionsGroup("Logging:")
    .addOption(
      new Option(
        "--log-level <level>",
        `log detail on stderr (default ${DEFAULTS.logLevel})`,
      ).choices(LOG_LEVELS),
    )
    .option("-q, --quiet", "only warnings and errors on stderr: no progress, no info logs");
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

  const demo = new Command("demo")
    .description("export a synthetic wallet from the bundled Helius simulator (no key needed)")
    .option("--transactions <n>", "transactions in the demo wallet", "2500")
    .exitOverride()
    .action((flags: ParsedFlags & { transactions: string }) => handlers.demo(flags));
  addExportOptions(demo, { network: false });
  program.addCommand(demo);

  return program;
}
