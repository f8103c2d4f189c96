import { isTransientPostgresError, redactUrl } from "../store/postgres-backend.js";
import { backoffDelay } from "./coding-queue.js";

/** Whether a store error may pass by itself: PostgreSQL away or racing, or a SQLite file busy with another writer. */
export function isTransientStoreError(error: unknown): boolean {
  if (isTransientPostgresError(error)) return true;
  for (let e: unknown = error, depth = 0; e && depth < 5; depth++) {
    const code = (e as { code?: unknown }).code;
    if (code === "SQLITE_BUSY" || code === "SQLITE_LOCKED") return true;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}

export interface StoreOutageOptions {
  /** The store's URL, named (password hidden) in notices. */
  readonly url: string;
  readonly notice: (message: string) => void;
  /** Stops waiting: the last error is thrown (e.g. the worker is shutting down before it ever reached the store). */
  readonly signal?: AbortSignal;
  readonly capMs?: number;
}

function reasonOf(error: unknown): string {
  const parts: string[] = [];
  for (let e: unknown = error, depth = 0; e && depth < 3; depth++) {
    const { code, message } = e as { code?: unknown; message?: unknown };
    const text = (
      typeof message === "string" && message ? message : typeof code === "string" ? code : ""
    ).replace(/^dyad: /, "");
    if (text && !parts.some((p) => p.includes(text))) parts.push(text);
    e = (e as { cause?: unknown }).cause;
  }
  return parts.join(": ") || String(error);
}

/**
 * Runs `action` until it succeeds or fails for a reason that will not pass by itself. While the store is unreachable
 * it says so (once per attempt, with the reason and the delay) and waits with exponential backoff; when the store
 * answers again it says that too. Only safe for idempotent actions, which every store write is.
 */
export async function retryStoreOutage<T>(action: () => Promise<T>, options: StoreOutageOptions): Promise<T> {
  const url = redactUrl(options.url);
  for (let attempt = 1; ; attempt++) {
    try {
      const result = await action();
      if (attempt > 1) options.notice(`dyad: store at ${url} reachable again`);
      return result;
    } catch (error) {
      if (!isTransientStoreError(error) || options.signal?.aborted) throw error;
      const delay = backoffDelay(attempt, options.capMs ?? 30_000);
      options.notice(
        `dyad: store at ${url} unavailable: ${reasonOf(error)}; retrying in ${(delay / 1000).toFixed(1)} s (attempt ${attempt})`,
      );
      await new Promise<void>((resolve) => {
        const done = () => {
          clearTimeout(timer);
          options.signal?.removeEventListener("abort", done);
          resolve();
        };
        const timer = setTimeout(done, delay);
        options.signal?.addEventListener("abort", done, { once: true });
      });
      if (options.signal?.aborted) throw error;
    }
  }
}
