import { execFileSync } from "node:child_process";
import { mkdir, symlink, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { UsageError } from "../../src/errors.js";
import { openOutput } from "../../src/output/open-output.js";
import { checkOutputPath } from "../../src/output/output-path.js";
import { listFolder, makeTempFolder, rejectionOf } from "./swap-fixtures.js";

let folder: string;
let cleanup: () => Promise<void>;

beforeEach(async () => {
  ({ folder, cleanup } = await makeTempFolder());
});

afterEach(async () => {
  await cleanup();
});

/** Expects `checkOutputPath(path)` to throw a UsageError (exit status 2) with `message`. */
async function expectUsageError(path: string, message: string): Promise<void> {
  const error = await rejectionOf(checkOutputPath(path));
  expect(error).toBeInstanceOf(UsageError);
  expect(error).toMatchObject({ code: "E_USAGE", exitCode: 2, message });
}

describe("checkOutputPath", () => {
  it("accepts a new file in an existing folder and returns its absolute path", async () => {
    expect(await checkOutputPath(join(folder, "sub", "..", "swaps.csv"))).toBe(
      join(folder, "swaps.csv"),
    );
  });

  it("accepts an existing regular file", async () => {
    const path = join(folder, "swaps.csv");
    await writeFile(path, "old");
    expect(await checkOutputPath(path, { append: true })).toBe(path);
  });

  it("resolves a symbolic link to the file it points at", async () => {
    await mkdir(join(folder, "real"));
    await writeFile(join(folder, "real", "swaps.csv"), "");
    await symlink(join(folder, "real", "swaps.csv"), join(folder, "link.csv"));

    expect(await checkOutputPath(join(folder, "link.csv"))).toBe(join(folder, "real", "swaps.csv"));
  });

  it("names a folder that does not exist", async () => {
    const path = join(folder, "missing", "swaps.csv");
    await expectUsageError(path, `--out ${path}: folder ${join(folder, "missing")} does not exist`);
  });

  it("names a parent that is a file, not a folder", async () => {
    await writeFile(join(folder, "notes.txt"), "");
    const path = join(folder, "notes.txt", "swaps.csv");
    await expectUsageError(
      path,
      `--out ${path}: ${join(folder, "notes.txt")} is a file, not a folder`,
    );
  });

  it("names a folder under a file higher in its path (ENOTDIR)", async () => {
    await writeFile(join(folder, "notes.txt"), "");
    const path = join(folder, "notes.txt", "exports", "swaps.csv");
    await expectUsageError(
      path,
      `--out ${path}: folder ${join(folder, "notes.txt", "exports")} cannot exist, part of its ` +
        "path is a file",
    );
  });

  it("refuses a target that is a folder", async () => {
    const path = join(folder, "exports");
    await mkdir(path);
    await expectUsageError(path, `--out ${path}: is a folder, not a file`);
  });

  it("refuses a target that is a named pipe", async () => {
    const path = join(folder, "pipe");
    execFileSync("mkfifo", [path]);
    await expectUsageError(
      path,
      `--out ${path}: is not a regular file (a device, pipe or socket); write to standard ` +
        "output instead",
    );
  });

  it("refuses a symbolic link to nothing", async () => {
    const path = join(folder, "dangling.csv");
    await symlink(join(folder, "gone.csv"), path);
    await expectUsageError(path, `--out ${path}: is a symbolic link to a file that does not exist`);
  });
});

describe("openOutput on an unusable path", () => {
  it("throws the same usage error and creates nothing", async () => {
    await writeFile(join(folder, "notes.txt"), "");
    const path = join(folder, "notes.txt", "swaps.ndjson");

    const error = await rejectionOf(
      openOutput({ format: "ndjson", target: { kind: "file", path } }),
    );
    expect(error).toBeInstanceOf(UsageError);
    expect((error as Error).message).toBe(
      `--out ${path}: ${join(folder, "notes.txt")} is a file, not a folder`,
    );
    expect(await listFolder(folder)).toEqual(["notes.txt"]);
  });
});
