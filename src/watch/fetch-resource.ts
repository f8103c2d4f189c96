/** Limits for one HTTP request. */
export interface FetchLimits {
  /** Give up after this many milliseconds (connecting, waiting and reading the body together). */
  readonly timeoutMs: number;
  /** Largest body read, in bytes; a larger one is abandoned. */
  readonly maxBytes: number;
  /** Stops the request when the watcher is told to stop. */
  readonly signal?: AbortSignal;
}

/** What came back: the final URL (after redirects), the status and headers, and the body (empty for 304). */
export interface FetchedResource {
  readonly url: string;
  readonly status: number;
  readonly headers: Headers;
  readonly body: Uint8Array;
}

/** A request that failed: `reason` is one line for the log. `stopped` when the watcher's own signal ended it. */
export class FetchFailure extends Error {
  override readonly name = "FetchFailure";
  readonly reason: string;
  readonly stopped: boolean;
  constructor(reason: string, stopped = false) {
    super(reason);
    this.reason = reason;
    this.stopped = stopped;
  }
}

const NETWORK_REASONS: Readonly<Record<string, string>> = {
  ECONNREFUSED: "connection refused",
  ECONNRESET: "connection reset",
  ENOTFOUND: "host not found",
  EAI_AGAIN: "host name lookup failed",
  EHOSTUNREACH: "host unreachable",
  ENETUNREACH: "network unreachable",
  ETIMEDOUT: "connection timed out",
  UND_ERR_SOCKET: "connection closed by the server",
  UND_ERR_HEADERS_TIMEOUT: "no response headers in time",
  UND_ERR_BODY_TIMEOUT: "the body stopped arriving",
};

function networkReason(error: unknown): string {
  let cause: unknown = error;
  for (let depth = 0; depth < 4 && cause; depth++) {
    const code = (cause as { code?: unknown }).code;
    if (typeof code === "string" && NETWORK_REASONS[code]) return NETWORK_REASONS[code];
    cause = (cause as { cause?: unknown }).cause;
  }
  const message = (error as { cause?: { message?: unknown } }).cause?.message;
  return typeof message === "string" && message ? message : (error as Error).message || String(error);
}

function sizeText(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / (1024 * 1024)).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}

/**
 * GETs one http(s) URL with a timeout and a body-size limit, following redirects. Any status is returned (the caller
 * decides what 304, 404 or 500 mean); network errors, timeouts and oversized bodies throw a `FetchFailure` with a
 * one-line reason. The body is streamed and abandoned as soon as it passes `maxBytes`.
 */
export async function fetchResource(
  url: string,
  headers: Readonly<Record<string, string>>,
  limits: FetchLimits,
): Promise<FetchedResource> {
  const timeout = AbortSignal.timeout(limits.timeoutMs);
  const signal = limits.signal ? AbortSignal.any([limits.signal, timeout]) : timeout;
  const failure = (error: unknown): FetchFailure => {
    if (limits.signal?.aborted) return new FetchFailure("stopped", true);
    if (timeout.aborted) return new FetchFailure(`timed out after ${limits.timeoutMs / 1000} s`);
    return new FetchFailure(networkReason(error));
  };
  let response: Response;
  try {
    response = await fetch(url, { headers, signal, redirect: "follow" });
  } catch (error) {
    throw failure(error);
  }
  const declared = Number(response.headers.get("content-length") ?? Number.NaN);
  if (Number.isFinite(declared) && declared > limits.maxBytes) {
    await response.body?.cancel().catch(() => undefined);
    throw new FetchFailure(`response is ${sizeText(declared)}, above the ${sizeText(limits.maxBytes)} limit`);
  }
  const parts: Uint8Array[] = [];
  let size = 0;
  if (response.body) {
    const reader = response.body.getReader();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        size += value.byteLength;
        if (size > limits.maxBytes) {
          await reader.cancel().catch(() => undefined);
          throw new FetchFailure(`response is larger than the ${sizeText(limits.maxBytes)} limit`);
        }
        parts.push(value);
      }
    } catch (error) {
      if (error instanceof FetchFailure) throw error;
      throw failure(error);
    }
  }
  const body = new Uint8Array(size);
  let at = 0;
  for (const part of parts) {
    body.set(part, at);
    at += part.byteLength;
  }
  return { url: response.url || url, status: response.status, headers: response.headers, body };
}
