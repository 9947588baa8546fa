import { Agent, type Dispatcher, errors as undiciErrors } from "undici";

export interface HttpResponse {
  status: number;
  /** The Retry-After header, when the server sent one. */
  retryAfter: string | undefined;
  body: string;
}

export interface HttpTransportOptions {
  /** Per-attempt budget for the whole exchange, headers and body (`--timeout`). */
  timeoutMs: number;
  /** Sockets kept per origin; matches the request bound so no request waits for a socket. */
  connections: number;
  /** Replaces the keep-alive agent; unit tests pass undici's MockAgent here. */
  dispatcher?: Dispatcher;
}

/** Thrown when an attempt ran out of its time budget (retried like any transient fault). */
export class AttemptTimeoutError extends Error {
  constructor(timeoutMs: number) {
    super(`no complete response within ${timeoutMs} ms`);
    this.name = "AttemptTimeoutError";
  }
}

/**
 * POSTs JSON over one keep-alive undici agent. It knows nothing of Helius: it returns the
 * status and the body text, or throws on network failure, timeout or abort.
 */
export class HttpTransport {
  readonly #dispatcher: Dispatcher;
  readonly #ownsDispatcher: boolean;
  readonly #timeoutMs: number;

  constructor(options: HttpTransportOptions) {
    this.#timeoutMs = options.timeoutMs;
    this.#ownsDispatcher = options.dispatcher === undefined;
    this.#dispatcher =
      options.dispatcher ??
      new Agent({
        connections: options.connections,
        keepAliveTimeout: 30_000, // 30 s: reuse sockets across the gaps between batches
        headersTimeout: options.timeoutMs,
        bodyTimeout: options.timeoutMs,
      });
  }

  /** Sends one attempt. `signal` is the run's own signal: its abort is rethrown as its reason. */
  async postJson(url: URL, payload: unknown, signal: AbortSignal): Promise<HttpResponse> {
    const timeout = AbortSignal.timeout(this.#timeoutMs);
    const combined = AbortSignal.any([signal, timeout]);

    try {
      const response = await this.#dispatcher.request({
        origin: url.origin,
        path: `${url.pathname}${url.search}`,
        method: "POST",
        headers: { "content-type": "application/json", accept: "application/json" },
        body: JSON.stringify(payload),
        signal: combined,
      });
      const body = await response.body.text();
      const retryAfter = response.headers["retry-after"];

      return {
        status: response.statusCode,
        retryAfter: Array.isArray(retryAfter) ? retryAfter[0] : retryAfter,
        body,
      };
    } catch (error) {
      if (signal.aborted) throw signal.reason;
      if (timeout.aborted || isUndiciTimeout(error)) throw new AttemptTimeoutError(this.#timeoutMs);
      throw error;
    }
  }

  async close(): Promise<void> {
    if (this.#ownsDispatcher) await this.#dispatcher.destroy();
  }
}

function isUndiciTimeout(error: unknown): boolean {
  return (
    error instanceof undiciErrors.HeadersTimeoutError ||
    error instanceof undiciErrors.BodyTimeoutError ||
    error instanceof undiciErrors.ConnectTimeoutError
  );
}
