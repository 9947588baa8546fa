import { UsageError } from "../errors.js";
import { planAppend } from "./append-plan.js";
import { type AppendPlanner, openAtomicFileChannel } from "./atomic-file-channel.js";
import type { OutputFormat } from "./output-format.js";
import { checkOutputPath } from "./output-path.js";
import { createRecordEncoder } from "./record-encoder.js";
import { createRecordSink, DEFAULT_BATCH_BYTES, type RecordSink } from "./record-sink.js";
import { createStreamChannel } from "./stream-channel.js";

/**
 * Standard output, or any Node writable stream the caller owns. The sink never ends it, and
 * relies on its 'drain', 'error' and 'close' events and its `writable` flag.
 */
export interface StreamTarget {
  kind: "stdout";
  stream: NodeJS.WritableStream;
}

/** A file replaced atomically on close, or, with `append`, extended (ndjson and csv only). */
export interface FileTarget {
  kind: "file";
  path: string;
  append?: boolean;
}

export type OutputTarget = StreamTarget | FileTarget;

export interface OutputOptions {
  format: OutputFormat;
  target: OutputTarget;
  /** Bytes gathered before one write; defaults to 64 KiB. Memory use stays near this size. */
  batchBytes?: number;
}

/**
 * Opens the sink a run writes its records into. For a file target this runs the same checks
 * as `checkOutputPath` and creates the temporary file; nothing appears at the target itself
 * until `close`. Throws `UsageError` for an unusable path, for appending JSON, and for a CSV
 * file whose header is not the swap header.
 */
export async function openOutput(options: OutputOptions): Promise<RecordSink> {
  const { format, target, batchBytes = DEFAULT_BATCH_BYTES } = options;
  if (!Number.isSafeInteger(batchBytes) || batchBytes < 1) {
    throw new RangeError(`batchBytes must be a positive whole number, got ${batchBytes}`);
  }

  if (target.kind === "stdout") {
    const channel = createStreamChannel(target.stream);
    return createRecordSink(
      createRecordEncoder(format, { writeHeader: true }),
      channel,
      batchBytes,
    );
  }

  const append = target.append === true;
  const path = await checkOutputPath(target.path, { append });
  const channel = await openAtomicFileChannel(
    path,
    append ? appendPlanner(format, path) : undefined,
  );
  const encoder = createRecordEncoder(format, { writeHeader: channel.existingBytes === 0 });
  return createRecordSink(encoder, channel, batchBytes);
}

function appendPlanner(format: OutputFormat, path: string): AppendPlanner {
  if (format === "json") {
    throw new UsageError(
      "appending needs --format ndjson or csv: a JSON array cannot be extended at its end",
    );
  }

  return (file, size) => planAppend(file, size, format, path);
}
