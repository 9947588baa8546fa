import { readFile } from "node:fs/promises";
import { UsageError } from "../errors.js";
import { checkWalletAddress } from "./options.js";

/**
 * The wallets to export: those on the command line, then those in `--wallets FILE` (one per
 * line; blank lines and `#` comments ignored), each checked, duplicates dropped in order.
 */
export async function collectWallets(
  positional: readonly string[],
  walletsFile: string | undefined,
): Promise<string[]> {
  const wallets = new Set<string>();

  for (const wallet of positional) {
    const problem = checkWalletAddress(wallet);
    if (problem !== undefined) throw new UsageError(problem);
    wallets.add(wallet);
  }

  if (walletsFile !== undefined) {
    const lines = (await readWalletsFile(walletsFile)).split(/\r?\n/);
    for (const [index, line] of lines.entries()) {
      const wallet = line.replace(/#.*/, "").trim();
      if (wallet === "") continue;
      const problem = checkWalletAddress(wallet);
      if (problem !== undefined) {
        throw new UsageError(`--wallets ${walletsFile} line ${index + 1}: ${problem}`);
      }
      wallets.add(wallet);
    }
  }

  if (wallets.size === 0) {
    throw new UsageError("no wallet given: pass one or more addresses, or --wallets FILE");
  }
  return [...wallets];
}

async function readWalletsFile(path: string): Promise<string> {
  try {
    return await readFile(path, "utf8");
  } catch (error) {
    const reason =
      (error as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : "unreadable";
    throw new UsageError(`--wallets ${path}: ${reason}`);
  }
}
