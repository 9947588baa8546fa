/** The output formats, in the order `--help` lists them. */
export const OUTPUT_FORMATS = ["ndjson", "json", "csv"] as const;

/** `ndjson`: one JSON record per line. `json`: one array. `csv`: RFC 4180, swap records only. */
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

/** The formats a run can append to an existing file; a JSON array cannot grow at its end. */
export type AppendableFormat = Exclude<OutputFormat, "json">;
