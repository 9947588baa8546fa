import { readFile } from "node:fs/promises";
import { z } from "zod";
import { UsageError } from "../errors.js";
import { writeFileAtomically } from "../output/index.js";

/** The newest transaction a previous run exported for a wallet: the next run stops there. */
const bookmarkSchema = z.object({
  signature: z.string().min(1),
  slot: z.number().int().nonnegative(),
  blockTime: z.number().int().nullable(),
  /** When the bookmark was written, ISO 8601. */
  updatedAt: z.string(),
});

const stateSchema = z.object({
  version: z.literal(1),
  wallets: z.record(z.string(), bookmarkSchema),
});

export type Bookmark = z.output<typeof bookmarkSchema>;
export type ExportState = z.output<typeof stateSchema>;

/** Reads the state file; a missing file is an empty state (the first run of a ledger). */
export async function readState(path: string): Promise<ExportState> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return { version: 1, wallets: {} };
    throw new UsageError(`--state ${path}: cannot be read (${(error as Error).message})`);
  }

  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new UsageError(`--state ${path}: not JSON; is it a fetch-swaps state file?`);
  }
  const state = stateSchema.safeParse(json);
  if (!state.success) {
    const issue = state.error.issues[0];
    const where = issue?.path.join(".") || "(root)";
    throw new UsageError(
      `--state ${path}: not a fetch-swaps state file (${where}: ${issue?.message})`,
    );
  }
  return state.data;
}

/** Writes the whole state atomically and durably (fsync, then rename). */
export async function writeState(path: string, state: ExportState): Promise<void> {
  await writeFileAtomically(path, `${JSON.stringify(state, null, 2)}\n`);
}
