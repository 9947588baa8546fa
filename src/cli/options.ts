import { z } from "zod";
import { SIGNATURE_MODES } from "../fetch/signature-source.js";
import { decodeBase58 } from "../lib/base58.js";
import { PLAN_NAMES } from "./plans.js";
import { parseTimeBound, TIME_BOUND_FORMS } from "./time-bound.js";

/** Defaults shown in `--help` and the README; the schema below applies them. */
export const DEFAULTS = {
  format: "ndjson",
  order: "desc",
  detect: "both",
  concurrency: 10,
  parallelPages: 15,
  timeoutSeconds: 30,
  maxRetries: 6,
  logLevel: "info",
  signatures: "auto",
  apiUrl: "https://api.helius.xyz",
  rpcUrl: "https://mainnet.helius-rpc.com",
} as const;

export const FORMATS = ["ndjson", "json", "csv"] as const;
export const ORDERS = ["desc", "asc"] as const;
export const DETECT_MODES = ["labels", "balances", "both"] as const;
export const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;

/** A Solana address: base58 that decodes to exactly 32 bytes. */
export function checkWalletAddress(text: string): string | undefined {
  let bytes: Uint8Array;
  try {
    bytes = decodeBase58(text);
  } catch {
    return `"${text}" is not a Solana address: it is not base58`;
  }
  if (bytes.length !== 32) {
    return `"${text}" is not a Solana address: it decodes to ${bytes.length} bytes, not 32`;
  }
  return undefined;
}

/** An integer flag given as text, with its range in the message. */
function integerFlag(flag: string, min: number, max: number) {
  const message = `${flag} must be an integer from ${min} to ${max}`;
  return z
    .string()
    .regex(/^\s*\d+\s*$/, { message })
    .transform(Number)
    .pipe(z.number().int().min(min, { message }).max(max, { message }));
}

function positiveNumberFlag(flag: string, max: number) {
  const message = `${flag} must be a number above 0 and at most ${max}`;
  return z
    .string()
    .regex(/^\s*\d*\.?\d+\s*$/, { message })
    .transform(Number)
    .pipe(z.number().gt(0, { message }).max(max, { message }));
}

/** `--since` / `--until`: read relative to the moment the options are checked. */
function timeBoundFlag(flag: string) {
  return z
    .string()
    .transform((text, context) => {
      const seconds = parseTimeBound(text, Math.floor(Date.now() / 1000));
      if (seconds === undefined) {
        context.addIssue({ code: "custom", message: `${flag} must be ${TIME_BOUND_FORMS}` });
        return z.NEVER;
      }
      return seconds;
    })
    .optional();
}

function choiceFlag<T extends readonly [string, ...string[]]>(flag: string, choices: T) {
  return z.enum(choices, { message: `${flag} must be one of ${choices.join(", ")}` });
}

function urlFlag(flag: string) {
  return z.url({
    protocol: /^https?$/,
    message: `${flag} must be an http(s) URL`,
  });
}

/** Everything the command line and the environment can say, before defaults apply. */
export const rawOptionsSchema = z.object({
  wallets: z.array(z.string()).min(1),
  format: choiceFlag("--format", FORMATS).default(DEFAULTS.format),
  order: choiceFlag("--order", ORDERS).optional(),
  detect: choiceFlag("--detect", DETECT_MODES).default(DEFAULTS.detect),
  out: z.string().min(1, { message: "--out needs a file path" }).optional(),
  append: z.boolean().default(false),
  state: z.string().min(1, { message: "--state needs a file path" }).optional(),
  summaryJson: z.string().min(1, { message: "--summary-json needs a file path" }).optional(),
  since: timeBoundFlag("--since"),
  until: timeBoundFlag("--until"),
  includeFailed: z.boolean().default(false),
  raw: z.boolean().default(false),
  concurrency: integerFlag("--concurrency", 1, 100).default(DEFAULTS.concurrency),
  parallelPages: integerFlag("--parallel-pages", 1, 100).default(DEFAULTS.parallelPages),
  timeout: positiveNumberFlag("--timeout", 600).default(DEFAULTS.timeoutSeconds),
  maxRetries: integerFlag("--max-retries", 0, 20).default(DEFAULTS.maxRetries),
  rps: positiveNumberFlag("--rps", 10_000).optional(),
  rpcRps: positiveNumberFlag("--rpc-rps", 10_000).optional(),
  plan: choiceFlag("--plan", PLAN_NAMES).optional(),
  signatures: choiceFlag("--signatures", SIGNATURE_MODES).default(DEFAULTS.signatures),
  tokenAccounts: z.boolean().default(false),
  gtfaShards: integerFlag("--gtfa-shards", 1, 100_000).optional(),
  apiUrl: urlFlag("--api-url / HELIUS_API_URL"),
  rpcUrl: urlFlag("--rpc-url / HELIUS_RPC_URL"),
  apiKey: z
    .string({ message: "no API key: set HELIUS_API_KEY (or pass --api-key)" })
    .trim()
    .min(1, { message: "no API key: set HELIUS_API_KEY (or pass --api-key)" }),
  logLevel: choiceFlag("--log-level", LOG_LEVELS).default(DEFAULTS.logLevel),
  quiet: z.boolean().default(false),
});

type CheckedOptions = z.output<typeof rawOptionsSchema>;

/** The options everything below the CLI trusts: checked, defaults applied, combinations valid. */
export interface ExportOptions extends Omit<CheckedOptions, "order" | "since" | "until"> {
  order: (typeof ORDERS)[number];
  /** Block-time bounds, Unix seconds, inclusive. */
  sinceUnix?: number;
  untilUnix?: number;
}
