import { type LevelWithSilent, type Logger, pino } from "pino";
import pinoPretty from "pino-pretty";

/** Levels that `--quiet` raises to "warn": it keeps warnings and errors, nothing else. */
const CHATTY_LEVELS = new Set<LevelWithSilent>(["info", "debug", "trace"]);

/**
 * Logs go to stderr only, so stdout carries nothing but data. A person at a terminal gets
 * readable lines; anything else (cron, a pipe, a file) gets one JSON object per line. The API
 * key is masked by the code that builds messages; `redact` also masks it in any field named
 * like a key, in case one slips into a log object.
 */
export function createLogger(
  level: LevelWithSilent,
  stderrIsTerminal: boolean,
  quiet = false,
): Logger {
  const options = {
    level: quiet && CHATTY_LEVELS.has(level) ? "warn" : level,
    base: null,
    redact: { paths: ["apiKey", "*.apiKey", "headers.authorization"], censor: "[REDACTED]" },
  };

  if (stderrIsTerminal) {
    return pino(
      options,
      pinoPretty({ destination: 2, sync: true, colorize: true, ignore: "pid,hostname" }),
    );
  }
  return pino(options, pino.destination({ fd: 2, sync: true }));
}
