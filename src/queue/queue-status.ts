import type { EventEmitter } from "node:events";
import { Queue } from "bullmq";
import { DyadError } from "../types/errors.js";
import {
  CODING_QUEUE,
  codingJobArticle,
  QueueReachability,
  queueConnection,
  redactQueueUrl,
} from "./coding-queue.js";

/** An article whose job used up its attempts. */
export interface DeadLetter {
  readonly articleId: string;
  readonly source: string;
  readonly reason: string;
  readonly attempts: number;
  /** ISO time of the last failed attempt. */
  readonly failedAt: string | null;
}

export interface QueueStatus {
  readonly queue: string;
  readonly waiting: number;
  readonly active: number;
  /** Failed attempts waiting for their retry (backoff). */
  readonly retrying: number;
  /** Jobs completed since the queue was created (from BullMQ's metrics, kept by the workers). */
  readonly done: number;
  /** Jobs that used up their attempts: the dead-letter list. */
  readonly failed: number;
  /** Worker connections currently listening on the queue. */
  readonly workers: number;
  /** The newest dead letters, at most `limit`. */
  readonly deadLetters: readonly DeadLetter[];
}

type Notice = (message: string) => void;

/** Connection attempts of a one-shot command before it gives up (about 8 s of backoff). */
const ONE_SHOT_ATTEMPTS = 4;

async function withQueue<T>(
  queueUrl: string,
  notice: Notice | undefined,
  fn: (queue: Queue) => Promise<T>,
): Promise<T> {
  const reach = new QueueReachability(queueUrl, notice ?? ((m) => process.stderr.write(`${m}\n`)));
  let lastError: Error | null = null;
  const queue = new Queue(CODING_QUEUE, { connection: queueConnection(queueUrl, reach, ONE_SHOT_ATTEMPTS) });
  queue.on("error", (error: Error) => {
    lastError = error;
    reach.error(error);
  });
  (queue.getBackend() as unknown as EventEmitter).on?.("ready", () => reach.ready());
  try {
    return await fn(queue);
  } catch (error) {
    if (!reach.down) throw error;
    const reason = (lastError as Error | null)?.message ?? (error as Error).message;
    throw new DyadError("QUEUE", `cannot reach the queue at ${redactQueueUrl(queueUrl)}: ${reason}`, {
      cause: error,
    });
  } finally {
    await queue.close().catch(() => undefined);
  }
}

/**
 * Counts of the shared coding queue and its dead letters, for `dyad queue status`.
 *
 * @example
 * const s = await queueStatus("redis://127.0.0.1:6379");
 * // { waiting: 120, active: 8, retrying: 1, done: 5651, failed: 2, workers: 4, deadLetters: [{ articleId: "wn-17", reason: "could not be coded: …", attempts: 3, … }] }
 */
export async function queueStatus(
  queueUrl: string,
  options: { readonly limit?: number; readonly notice?: Notice } = {},
): Promise<QueueStatus> {
  return withQueue(queueUrl, options.notice, async (queue) => {
    const counts = await queue.getJobCounts("waiting", "prioritized", "active", "delayed", "failed");
    const metrics = await queue.getMetrics("completed", 0, 0);
    let workers = 0;
    try {
      workers = await queue.getWorkersCount();
    } catch {
      // CLIENT LIST may be forbidden on a managed Redis; the count is informative only.
    }
    const limit = Math.max(0, Math.floor(options.limit ?? 20));
    const failed = limit > 0 ? await queue.getFailed(0, limit - 1) : [];
    const deadLetters = failed.map((job): DeadLetter => {
      const article = codingJobArticle(job.data);
      return {
        articleId: article?.id ?? String(job.id),
        source: article?.source ?? "",
        reason: job.failedReason ?? "",
        attempts: job.attemptsMade,
        failedAt: job.finishedOn ? new Date(job.finishedOn).toISOString() : null,
      };
    });
    return {
      queue: CODING_QUEUE,
      waiting: (counts.waiting ?? 0) + (counts.prioritized ?? 0),
      active: counts.active ?? 0,
      retrying: counts.delayed ?? 0,
      done: Number(metrics.meta.count ?? 0),
      failed: counts.failed ?? 0,
      workers,
      deadLetters,
    };
  });
}

/** Puts every dead letter back in the queue with fresh attempts (after a fix); returns how many. */
export async function retryDeadLetters(
  queueUrl: string,
  options: { readonly notice?: Notice } = {},
): Promise<number> {
  return withQueue(queueUrl, options.notice, async (queue) => {
    const n = await queue.getFailedCount();
    if (n > 0) await queue.retryJobs({ state: "failed", count: 1000 });
    return n;
  });
}
