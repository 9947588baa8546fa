/** The output writers' public surface; the modules beside this file hold the logic. */
export type { AppendPlan, RepairedTail } from "./append-plan.js";
export { encodeCsvField, encodeCsvRow } from "./csv-field.js";
export {
  type FileTarget,
  type OutputOptions,
  type OutputTarget,
  openOutput,
  type StreamTarget,
} from "./open-output.js";
export { OutputError } from "./output-error.js";
export { type AppendableFormat, OUTPUT_FORMATS, type OutputFormat } from "./output-format.js";
export { checkOutputPath, type OutputPathOptions } from "./output-path.js";
export {
  DEFAULT_BATCH_BYTES,
  type OutputSummary,
  type RecordSink,
  type WriteResult,
} from "./record-sink.js";
export { RecordSpool, type RecordSpoolOptions } from "./record-spool.js";
export {
  encodeSwapCsvRow,
  formatLamportsAsSol,
  isSwapRecord,
  SWAP_CSV_COLUMNS,
  SWAP_CSV_HEADER,
} from "./swap-csv.js";
export { writeFileAtomically } from "./write-file-atomically.js";
