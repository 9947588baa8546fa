import type { IncomingMessage, ServerResponse } from "node:http";
import type { EndpointClass, StatsRecorder } from "./stats.js";

/** A complete HTTP answer: status, body text and content type, plus any extra headers. */
export interface Reply {
  status: number;
  body: string;
  contentType: string;
  headers?: Readonly<Record<string, string>>;
}

/** One request and its response, with the status of whatever is sent recorded in the stats. */
export class Exchange {
  constructor(
    readonly req: IncomingMessage,
    readonly res: ServerResponse,
    readonly endpoint: EndpointClass | null,
    private readonly stats: StatsRecorder,
  ) {}

  /** False once the client went away or the socket was destroyed. */
  get isOpen(): boolean {
    return !this.res.destroyed && !this.res.writableEnded;
  }

  send(reply: Reply): void {
    if (!this.isOpen) {
      return;
    }
    const bytes = Buffer.from(reply.body, "utf8");
    this.writeHead(reply, bytes.length);
    this.res.end(bytes);
  }

  /** Declares the full length, sends the first half of the body, then cuts the connection. */
  sendTruncated(reply: Reply): void {
    if (!this.isOpen) {
      return;
    }
    const bytes = Buffer.from(reply.body, "utf8");
    this.writeHead(reply, bytes.length);
    this.res.write(bytes.subarray(0, Math.floor(bytes.length / 2)), () => {
      this.destroy();
    });
  }

  /** Drops the connection without (more of) a response: the client sees a reset. */
  destroy(): void {
    this.req.socket.destroy();
  }

  private writeHead(reply: Reply, length: number): void {
    this.stats.recordStatus(this.endpoint, reply.status);
    this.res.writeHead(reply.status, {
      "content-type": reply.contentType,
      "content-length": String(length),
      ...reply.headers,
    });
  }
}

/** Result of reading a request body with a size cap. */
export type BodyResult =
  | { ok: true; text: string }
  | { ok: false; reason: "too-large" | "aborted" };

/** Reads the whole request body as UTF-8, refusing more than `maxBytes`. */
export function readBody(req: IncomingMessage, maxBytes: number): Promise<BodyResult> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const settle = (result: BodyResult) => {
      if (!settled) {
        settled = true;
        resolve(result);
      }
    };

    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        req.removeAllListeners("data");
        req.resume();
        settle({ ok: false, reason: "too-large" });
        return;
      }
      chunks.push(chunk);
    });
    req.on("end", () => settle({ ok: true, text: Buffer.concat(chunks).toString("utf8") }));
    req.on("error", () => settle({ ok: false, reason: "aborted" }));
    req.on("close", () => settle({ ok: false, reason: "aborted" }));
  });
}
