import { constants } from "node:fs";
import { access, lstat, realpath, stat } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { UsageError } from "../errors.js";

export interface OutputPathOptions {
  /** The run will append, so an existing target must also be readable. */
  append?: boolean;
  /** The flag that named the path, for messages; "--out" by default. */
  flag?: string;
}

/**
 * Checks, before any network request, that an output path (`--out` and the like) can be
 * written: its folder exists and is writable, and the target, if present, is a regular file
 * (a symbolic link to one counts).
 * Returns the absolute path to write, links resolved, so that the temporary file and the
 * rename happen beside the real file. Throws a one-line `UsageError` naming the path.
 */
export async function checkOutputPath(
  path: string,
  options: OutputPathOptions = {},
): Promise<string> {
  const label = `${options.flag ?? "--out"} ${path}`;
  const target = await resolveLink(resolve(path), label);
  await checkFolder(dirname(target), label);
  await checkTarget(target, label, options.append === true);
  return target;
}

async function resolveLink(absolute: string, label: string): Promise<string> {
  const entry = await lstat(absolute).catch(() => undefined);
  if (entry === undefined || !entry.isSymbolicLink()) {
    return absolute;
  }

  try {
    return await realpath(absolute);
  } catch {
    throw new UsageError(`${label}: is a symbolic link to a file that does not exist`);
  }
}

async function checkFolder(folder: string, label: string): Promise<void> {
  const entry = await stat(folder).catch((error: unknown) => {
    throw toFolderError(error, folder, label);
  });
  if (!entry.isDirectory()) {
    throw new UsageError(`${label}: ${folder} is a file, not a folder`);
  }

  try {
    await access(folder, constants.W_OK | constants.X_OK);
  } catch {
    throw new UsageError(`${label}: folder ${folder} is not writable`);
  }
}

function toFolderError(error: unknown, folder: string, label: string): Error {
  const code = errorCode(error);
  switch (code) {
    case "ENOENT":
      return new UsageError(`${label}: folder ${folder} does not exist`);
    case "ENOTDIR":
      return new UsageError(`${label}: folder ${folder} cannot exist, part of its path is a file`);
    case "EACCES":
      return new UsageError(`${label}: folder ${folder} cannot be reached (permission denied)`);
    case undefined:
      return error instanceof Error ? error : new Error(String(error));
    default:
      return new UsageError(`${label}: folder ${folder} cannot be used (${code})`, {
        cause: error,
      });
  }
}

async function checkTarget(target: string, label: string, append: boolean): Promise<void> {
  const entry = await stat(target).catch(() => undefined);
  if (entry === undefined) {
    return;
  }

  if (entry.isDirectory()) {
    throw new UsageError(`${label}: is a folder, not a file`);
  }
  if (!entry.isFile()) {
    throw new UsageError(
      `${label}: is not a regular file (a device, pipe or socket); write to standard ` +
        "output instead",
    );
  }

  if (append) {
    await access(target, constants.R_OK).catch(() => {
      throw new UsageError(`${label}: cannot be read, so it cannot be appended to`);
    });
  }
}

function errorCode(error: unknown): string | undefined {
  if (error instanceof Error && "code" in error && typeof error.code === "string") {
    return error.code;
  }

  return undefined;
}
