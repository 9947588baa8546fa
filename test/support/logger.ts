import { pino } from "pino";

/** A logger that records nothing, for unit tests that do not look at logs. */
export const silentLogger = pino({ level: "silent" });
