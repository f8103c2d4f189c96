import type { EventEmitter } from "node:events";
import { type Job, MetricsTime, UnrecoverableError, Worker } from "bullmq";
import { type ArticleCoder, CodingFailure, CodingPool, inThreadCoder } from "../scale/coding-pool.js";
import {
  type CodingResult,
  type CodingTaskModule,
  codedRowOf,
  rejectOfArticle,
} from "../scale/coding-result.js";
import { tuneTieringForCoding } from "../scale/tiering.js";
import { openStore } from "../store/open-store.js";
import type { Store } from "../store/store.js";
import { DyadError } from "../types/errors.js";
import { CODING_QUEUE, codingJobArticle, QueueReachability, queueConnection } from "./coding-queue.js";
import { StoreBatcher } from "./store-batcher.js";
import { retryStoreOutage } from "./store-outage.js";

export interface QueueWorkerOptions {
  /** `redis://host:port` of the shared queue. */
  readonly queueUrl: string;
  /** The store results go to: `postgres://…` when many machines share it (a SQLite file works on one machine). */
  readonly dbUrl: string;
  /** Coding threads. 1 (default) codes in this process's main thread; more start a pool of worker threads. */
  readonly concurrency?: number;
  /** Articles per write transaction. Default 50. */
  readonly batch?: number;
  /**
   * How long a job stays claimed by a worker that stopped answering (killed, frozen) before another worker takes it
   * over. Default 30 s.
   */
  readonly lockSeconds?: number;
  /** Module with `prepare()` and `codeTask(article)` (see `CodingTaskModule`); default: dyad's pipeline. */
  readonly taskModule?: string | URL;
  /** Connection trouble and recovery, one line each; default: stderr. */
  readonly notice?: (message: string) => void;
  /** Called after every committed batch. */
  readonly onProgress?: (stats: Readonly<WorkerStats>) => void;
  /** Gives up starting (while waiting for an unreachable store) when aborted, e.g. on SIGTERM. */
  readonly signal?: AbortSignal;
}

export interface WorkerStats {
  /** Articles coded by this worker. */
  coded: number;
  /** Articles this worker added to the store (articles another worker had stored already are not counted). */
  stored: number;
  /** Events (tellings) this worker added. */
  events: number;
  sentences: number;
  /** Attempts that failed (each is retried until the job's attempts are used up). */
  failedAttempts: number;
  /** Articles this worker moved to the dead-letter list (their last attempt failed). */
  deadLetters: number;
  /** Wall-clock seconds from handing batches to the store to their commit: waits for the write lock included, and, when coding runs in the main thread, the coding done meanwhile. */
  writeSeconds: number;
}

/** A running queue worker. */
export interface QueueWorker {
  readonly stats: Readonly<WorkerStats>;
  /** Stops taking jobs, finishes and stores the ones in hand, then disconnects. Safe to call twice. */
  close(): Promise<void>;
  /** Settles when the worker has stopped: rejected if it stopped because coding broke down. */
  readonly closed: Promise<void>;
}

const ownExtension = import.meta.url.endsWith(".ts") ? ".ts" : ".js";
const DEFAULT_TASK = new URL(`../scale/pipeline-task${ownExtension}`, import.meta.url);
/** A partial batch waits this long for more coded articles before it is written. */
const BATCH_DELAY_MS = 100;

function defaultNotice(message: string): void {
  process.stderr.write(`${message}\n`);
}

const CONNECTION_ERROR =
  /ECONNREFUSED|ECONNRESET|ETIMEDOUT|EPIPE|ENOTFOUND|EAI_AGAIN|Connection is closed|connect/i;

async function startCoder(
  threads: number,
  taskModule: string | URL,
): Promise<{ coder: ArticleCoder; close(): Promise<void> }> {
  if (threads > 1) {
    const pool = await CodingPool.start({ workers: threads, taskModule });
    return { coder: pool, close: () => pool.close() };
  }
  tuneTieringForCoding(); // this process codes: optimise its hot functions once their feedback has settled
  const task = (await import(String(taskModule))) as CodingTaskModule;
  await task.prepare?.();
  return { coder: inThreadCoder((article) => task.codeTask(article)), close: async () => undefined };
}

/**
 * Starts a worker on the shared coding queue: loads the coder once (`warmUp`), connects to the store and the queue
 * (waiting out either being unreachable, with a notice per retry), then codes and stores articles until `close()`.
 * A job is acknowledged only after its article is committed, so a worker killed at any moment loses nothing: its
 * jobs go back to the queue once their lock expires, and the store's idempotent writes absorb the second telling.
 * A coding failure is retried with backoff; on its last attempt the article is also recorded in the store's rejects.
 *
 * @example
 * const worker = await startQueueWorker({ queueUrl: "redis://127.0.0.1:6379", dbUrl: "postgres://127.0.0.1/events" });
 * process.once("SIGTERM", () => worker.close());
 * await worker.closed;
 */
export async function startQueueWorker(options: QueueWorkerOptions): Promise<QueueWorker> {
  const notice = options.notice ?? defaultNotice;
  const threads = Math.max(1, Math.floor(options.concurrency ?? 1));
  const batchSize = Math.max(1, Math.floor(options.batch ?? 50));
  const lockMs = Math.max(1000, Math.round((options.lockSeconds ?? 30) * 1000));
  const reach = new QueueReachability(options.queueUrl, notice);
  const connection = queueConnection(options.queueUrl, reach);

  const coding = await startCoder(threads, options.taskModule ?? DEFAULT_TASK);
  const stopping = new AbortController();
  options.signal?.addEventListener("abort", () => stopping.abort(), { once: true });
  let store: Store;
  try {
    store = await retryStoreOutage(() => openStore(options.dbUrl), {
      url: options.dbUrl,
      notice,
      signal: stopping.signal,
    });
  } catch (error) {
    await coding.close();
    throw error;
  }

  const stats: WorkerStats = {
    coded: 0,
    stored: 0,
    events: 0,
    sentences: 0,
    failedAttempts: 0,
    deadLetters: 0,
    writeSeconds: 0,
  };
  const batcher = new StoreBatcher({
    store,
    url: options.dbUrl,
    size: batchSize,
    delayMs: BATCH_DELAY_MS,
    notice,
    onWritten: (outcome, seconds) => {
      stats.writeSeconds += seconds;
      stats.stored += outcome.articles;
      stats.events += outcome.events;
      options.onProgress?.(stats);
    },
  });

  let breakdown: unknown = null;
  let close: () => Promise<void> = async () => undefined;

  const processor = async (job: Job): Promise<void> => {
    const article = codingJobArticle(job.data);
    if (!article) throw new UnrecoverableError(`job ${job.id} holds no article`);
    let result: CodingResult;
    try {
      result = await coding.coder.code(article);
    } catch (error) {
      if (!(error instanceof CodingFailure)) {
        // The coder itself broke (a worker thread died): stop taking jobs rather than failing every one of them.
        breakdown ??= error;
        void close();
        throw error;
      }
      const reason = `could not be coded: ${error.message}`;
      if (job.attemptsMade + 1 >= (job.opts.attempts ?? 1)) {
        await batcher.reject(rejectOfArticle(article, reason));
        stats.deadLetters++;
      }
      throw new Error(reason);
    }
    stats.coded++;
    stats.sentences += result.sentences;
    await batcher.write(codedRowOf(article, result));
  };

  const worker = new Worker(CODING_QUEUE, processor, {
    connection,
    // Enough jobs in hand to fill a write batch while the previous one commits, and to keep every thread busy.
    concurrency: Math.max(batchSize, threads * 4),
    lockDuration: lockMs,
    stalledInterval: lockMs,
    maxStalledCount: 2,
    metrics: { maxDataPoints: MetricsTime.ONE_WEEK },
    autorun: true,
  });
  let lastQueueError = 0;
  worker.on("error", (error: Error) => {
    reach.error(error);
    if (CONNECTION_ERROR.test(`${(error as { code?: string }).code ?? ""} ${error.message}`)) return;
    const now = Date.now();
    if (now - lastQueueError < 1000) return;
    lastQueueError = now;
    notice(`dyad: queue worker: ${error.message}`);
  });
  worker.on("failed", () => {
    stats.failedAttempts++;
  });
  (worker.getBackend() as unknown as EventEmitter).on?.("ready", () => reach.ready());

  let closing: Promise<void> | null = null;
  let settle: { resolve(): void; reject(e: unknown): void } = { resolve() {}, reject() {} };
  const closed = new Promise<void>((resolve, reject) => {
    settle = { resolve, reject };
  });
  closed.catch(() => undefined);
  close = () => {
    closing ??= (async () => {
      stopping.abort();
      let failure: unknown = breakdown
        ? new DyadError("QUEUE", `coding broke down: ${(breakdown as Error).message ?? breakdown}`, {
            cause: breakdown,
          })
        : null;
      try {
        if (reach.down) {
          // Jobs in hand cannot be acknowledged without Redis: store what is coded, then leave them to be taken over
          // (idempotently) once their lock expires, instead of waiting for the queue to come back.
          await batcher.flush();
          await worker.close(true);
        } else {
          await worker.close();
          await batcher.flush();
        }
      } catch (error) {
        failure ??= error;
      } finally {
        await coding.close().catch(() => undefined);
        await store.close().catch(() => undefined);
      }
      if (failure) settle.reject(failure);
      else settle.resolve();
    })();
    return closing;
  };

  return {
    stats,
    close: () => close(),
    closed,
  };
}
