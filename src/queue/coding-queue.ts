import type { DefaultJobOptions, RedisOptions } from "bullmq";
import type { Article } from "../types/article.js";
import { DyadError } from "../types/errors.js";

/** The BullMQ queue every producer and worker of one Redis shares. */
export const CODING_QUEUE = "dyad-coding";
/** Name of each job (one article to code and store). */
export const CODE_ARTICLE = "code-article";

/** What a job carries: the article itself, so workers need no access to the producer's files. */
export interface CodingJobData {
  readonly article: Article;
}

/**
 * The job id of an article: its id, made safe for BullMQ (which refuses `:` and purely numeric custom ids). The
 * mapping is one-to-one, so enqueuing the same article twice is one job.
 */
export function codingJobId(articleId: string): string {
  return `a-${articleId.replace(/%/g, "%25").replace(/:/g, "%3A")}`;
}

export interface RetryPolicy {
  /** Tries per article before it lands in the dead-letter list. Default 3. */
  readonly attempts?: number;
  /** Delay before the first retry; each further retry waits twice as long. Default 2000 ms. */
  readonly backoffMs?: number;
}

/** Job options: exponential backoff, finished jobs dropped (their results are in the store), failed ones kept. */
export function codingJobOptions(policy: RetryPolicy = {}): DefaultJobOptions {
  return {
    attempts: Math.max(1, Math.floor(policy.attempts ?? 3)),
    backoff: { type: "exponential", delay: Math.max(0, policy.backoffMs ?? 2000) },
    removeOnComplete: true,
    removeOnFail: false,
  };
}

/** The job data as received, checked: a job written by something else fails at once instead of being retried. */
export function codingJobArticle(data: unknown): Article | null {
  const a = (data as { article?: Partial<Article> } | null)?.article;
  if (!a || typeof a.id !== "string" || typeof a.rawText !== "string" || typeof a.source !== "string")
    return null;
  return {
    id: a.id,
    url: typeof a.url === "string" ? a.url : null,
    published: typeof a.published === "string" ? a.published : null,
    title: typeof a.title === "string" ? a.title : null,
    rawText: a.rawText,
    source: a.source,
    bodyStart: typeof a.bodyStart === "number" ? a.bodyStart : 0,
  };
}

/** Delay before reconnection attempt `attempt` (1-based): 0.5 s doubling, at most `capMs`. */
export function backoffDelay(attempt: number, capMs = 30_000, firstMs = 500): number {
  return Math.min(capMs, firstMs * 2 ** Math.max(0, Math.min(attempt - 1, 20)));
}

/** `redis://user:secret@host` → `redis://user:***@host`, for messages. */
export function redactQueueUrl(url: string): string {
  return url.replace(/^(\w+:\/\/[^:/@]*:)[^@]*@/, "$1***@");
}

/**
 * Says once per outage that the queue cannot be reached (with the reason and the next retry), and once that it is
 * back; shared by every Redis connection of one process so a worker's two connections do not repeat each other.
 */
export class QueueReachability {
  readonly #url: string;
  readonly #notice: (message: string) => void;
  #lastError = "";
  #down = false;
  #lastSaid = 0;

  constructor(url: string, notice: (message: string) => void) {
    this.#url = redactQueueUrl(url);
    this.#notice = notice;
  }

  /** Whether the last connection attempt failed and none has succeeded since. */
  get down(): boolean {
    return this.#down;
  }

  /** Remember why the last attempt failed (ioredis reports the reason apart from the retry decision). */
  error(error: Error): void {
    const code = (error as { code?: string }).code;
    this.#lastError = code && !error.message.includes(code) ? `${code} ${error.message}` : error.message;
  }

  retrying(attempt: number, delayMs: number): void {
    this.#down = true;
    const now = Date.now();
    if (now - this.#lastSaid < 900) return;
    this.#lastSaid = now;
    this.#notice(
      `dyad: cannot reach the queue at ${this.#url}: ${this.#lastError || "connection closed"}; ` +
        `retrying in ${(delayMs / 1000).toFixed(1)} s (attempt ${attempt})`,
    );
  }

  ready(): void {
    if (!this.#down) return;
    this.#down = false;
    this.#lastSaid = 0;
    this.#notice(`dyad: queue at ${this.#url} reachable again`);
  }
}

/**
 * BullMQ connection options for `url`: reconnect with exponential backoff, saying so through `reach` — forever, or
 * `maxAttempts` times (for one-shot commands such as `dyad queue status`, which should fail rather than wait).
 */
export function queueConnection(url: string, reach: QueueReachability, maxAttempts = Infinity): RedisOptions {
  if (!/^rediss?:\/\//i.test(url)) {
    throw new DyadError("USAGE", `the queue must be a redis:// URL, got "${redactQueueUrl(url)}"`);
  }
  return {
    url,
    maxRetriesPerRequest: null,
    enableOfflineQueue: true,
    connectTimeout: 5000,
    retryStrategy: (times: number) => {
      if (times > maxAttempts) return null;
      const delay = backoffDelay(times);
      reach.retrying(times, delay);
      return delay;
    },
  };
}
