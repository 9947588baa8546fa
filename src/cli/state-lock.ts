import { link, readFile, unlink, writeFile } from "node:fs/promises";
import { ExitCode, FetchSwapsError } from "../errors.js";

/** Another run is using the same state file. */
export class StateLockedError extends FetchSwapsError {
  readonly code = "E_STATE_LOCKED";
  readonly exitCode = ExitCode.busy;
}

/**
 * Takes the lock beside a state file (`FILE.lock`, holding the owner's pid) and returns its
 * release. The lock appears complete or not at all: it is written under a private name and
 * hard-linked into place, which fails if a lock is already there. A lock whose owner is no
 * longer running was left by a run that was killed, and is taken over.
 */
export async function lockStateFile(statePath: string): Promise<() => Promise<void>> {
  const lockPath = `${statePath}.lock`;
  const draftPath = `${lockPath}.${process.pid}`;
  const owner = { pid: process.pid, since: new Date().toISOString() };
  await writeFile(draftPath, `${JSON.stringify(owner)}\n`, { mode: 0o644 });

  try {
    for (let attempt = 0; attempt < 2; attempt += 1) {
      if (await linkIfAbsent(draftPath, lockPath)) {
        return () => unlink(lockPath).catch(() => {});
      }

      const holder = await readOwner(lockPath);
      if (holder !== undefined && isRunning(holder)) {
        throw new StateLockedError(
          `--state ${statePath} is in use by another fetch-swaps run (pid ${holder}); ` +
            `if no such run exists, delete ${lockPath}`,
        );
      }
      await unlink(lockPath).catch(() => {});
    }
    throw new StateLockedError(`--state ${statePath}: could not take ${lockPath}`);
  } finally {
    await unlink(draftPath).catch(() => {});
  }
}

async function linkIfAbsent(from: string, to: string): Promise<boolean> {
  try {
    await link(from, to);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw error;
  }
}

async function readOwner(lockPath: string): Promise<number | undefined> {
  try {
    const { pid } = JSON.parse(await readFile(lockPath, "utf8")) as { pid?: unknown };
    return typeof pid === "number" ? pid : undefined;
  } catch {
    return undefined;
  }
}

/** Signal 0 checks that a process exists; EPERM means it exists under another user. */
function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
