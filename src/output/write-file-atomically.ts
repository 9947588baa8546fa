import { Buffer } from "node:buffer";
import { openAtomicFileChannel } from "./atomic-file-channel.js";

/**
 * Replaces a small file's whole content so that readers see the old content or the new, never
 * a mix: written to a temporary file beside it, fsync'd, renamed over it, folder fsync'd.
 */
export async function writeFileAtomically(path: string, text: string): Promise<void> {
  const channel = await openAtomicFileChannel(path);
  try {
    await channel.write(Buffer.from(text, "utf8"));
    await channel.commit();
  } catch (error) {
    await channel.discard();
    throw error;
  }
}
