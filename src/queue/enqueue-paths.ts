import type { EventEmitter } from "node:events";
import { Queue } from "bullmq";
import type { IngestInput } from "../scale/ingest-paths.js";
import { openStore } from "../store/open-store.js";
import type { Store } from "../store/store.js";
import type { Article, Rejected } from "../types/article.js";
import type { StoreCounts } from "../types/store.js";
import {
  CODE_ARTICLE,
  CODING_QUEUE,
  type CodingJobData,
  codingJobId,
  codingJobOptions,
  QueueReachability,
  queueConnection,
  type RetryPolicy,
} from "./coding-queue.js";
import { retryStoreOutage } from "./store-outage.js";

export interface EnqueueOptions extends RetryPolicy {
  /** `redis://host:port` of the shared queue. */
  readonly queueUrl: string;
  /** The store the workers write to: articles it already holds are not enqueued, reader rejects are stored there. */
  readonly dbUrl: string;
  /** Return once everything is enqueued instead of waiting for the queue to drain. Default false. */
  readonly noWait?: boolean;
  /** Jobs allowed to wait in the queue before reading pauses (bounds Redis memory). Default 2000. */
  readonly window?: number;
  /** The readers; default `readPaths` from src/ingest. */
  readonly read?: (paths: readonly string[]) => AsyncIterable<IngestInput>;
  readonly onProgress?: (progress: Readonly<EnqueueProgress>) => void;
  /** Each rejected input as it is found. */
  readonly onReject?: (rejected: Rejected) => void;
  /** Connection trouble and recovery, one line each; default: stderr. */
  readonly notice?: (message: string) => void;
  /** How often the queue is polled for progress. Default 500 ms. */
  readonly pollMs?: number;
}

export interface EnqueueProgress {
  /** Articles read from the inputs. */
  read: number;
  /** Skipped: the store already holds them. */
  alreadyStored: number;
  /** Skipped: an earlier input of this run had the same id. */
  repeated: number;
  /** Jobs added to the queue. */
  enqueued: number;
  /** Skipped: a job for the article is already in the queue (waiting, active, retrying or dead-lettered). */
  alreadyQueued: number;
  /** Inputs the readers rejected (stored in the store's rejects). */
  rejected: number;
  /** Queue totals, all producers together: */
  waiting: number;
  active: number;
  /** Failed attempts waiting for their retry. */
  retrying: number;
  /** Jobs completed since this run started. */
  done: number;
  /** Jobs that used up their attempts since this run started. */
  deadLettered: number;
}

export interface EnqueueSummary extends EnqueueProgress {
  readonly seconds: number;
  /** The store's counts at the end (after the queue drained, unless `noWait`). */
  readonly store: StoreCounts;
}

/** Articles looked up in the store (and added to the queue) at a time. */
const CHUNK = 200;

async function defaultRead(paths: readonly string[]): Promise<AsyncIterable<IngestInput>> {
  const { readPaths } = await import("../ingest/index.js");
  return readPaths(paths);
}

interface QueueTotals {
  readonly waiting: number;
  readonly active: number;
  readonly retrying: number;
  readonly completed: number;
  readonly failed: number;
}

async function totals(queue: Queue): Promise<QueueTotals> {
  const counts = await queue.getJobCounts("waiting", "active", "delayed", "prioritized", "failed");
  const metrics = await queue.getMetrics("completed", 0, 0);
  return {
    waiting: (counts.waiting ?? 0) + (counts.prioritized ?? 0),
    active: counts.active ?? 0,
    retrying: counts.delayed ?? 0,
    completed: Number(metrics.meta.count ?? 0),
    failed: counts.failed ?? 0,
  };
}

/**
 * The producer side of distributed coding: reads `paths` like `dyad ingest`, skips articles the store already holds,
 * and adds one job per article to the shared queue (job id = article id, so enqueuing again is harmless), pausing
 * while `window` jobs are waiting. Then, unless `noWait`, reports progress until no job is waiting, delayed for a
 * retry or active. Workers (`startQueueWorker`) on any machine do the coding and storing.
 *
 * @example
 * const summary = await enqueuePaths(["corpus/"], { queueUrl: "redis://127.0.0.1:6379", dbUrl: "postgres://127.0.0.1/events" });
 * // { read: 5780, enqueued: 5780, done: 5780, deadLettered: 0, store: { articles: 5780, events: … }, … }
 */
export async function enqueuePaths(
  paths: readonly string[],
  options: EnqueueOptions,
): Promise<EnqueueSummary> {
  const started = performance.now();
  const notice = options.notice ?? ((m: string) => process.stderr.write(`${m}\n`));
  const window = Math.max(CHUNK, Math.floor(options.window ?? 2000));
  const pollMs = Math.max(20, options.pollMs ?? 500);
  const reach = new QueueReachability(options.queueUrl, notice);
  const connection = queueConnection(options.queueUrl, reach);

  const store: Store = await retryStoreOutage(() => openStore(options.dbUrl), { url: options.dbUrl, notice });
  const queue = new Queue<CodingJobData>(CODING_QUEUE, {
    connection,
    defaultJobOptions: codingJobOptions(options),
  });
  queue.on("error", (error: Error) => reach.error(error));
  (queue.getBackend() as unknown as EventEmitter).on?.("ready", () => reach.ready());

  const progress: EnqueueProgress = {
    read: 0,
    alreadyStored: 0,
    repeated: 0,
    enqueued: 0,
    alreadyQueued: 0,
    rejected: 0,
    waiting: 0,
    active: 0,
    retrying: 0,
    done: 0,
    deadLettered: 0,
  };
  const report = () => options.onProgress?.(progress);
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

  try {
    const baseline = await totals(queue);
    const refresh = async (): Promise<QueueTotals> => {
      const now = await totals(queue);
      progress.waiting = now.waiting;
      progress.active = now.active;
      progress.retrying = now.retrying;
      progress.done = Math.max(0, now.completed - baseline.completed);
      progress.deadLettered = Math.max(0, now.failed - baseline.failed);
      report();
      return now;
    };

    const writeRejects = (rejects: Rejected[]) =>
      retryStoreOutage(() => store.writeBatch({ rows: [], rejects }), { url: options.dbUrl, notice });

    const seen = new Set<string>();
    let chunk: Article[] = [];
    let rejects: Rejected[] = [];
    const flush = async () => {
      if (rejects.length > 0) {
        await writeRejects(rejects);
        rejects = [];
      }
      const articles = chunk;
      chunk = [];
      if (articles.length === 0) return;
      const known = await retryStoreOutage(() => store.knownArticleIds(articles.map((a) => a.id)), {
        url: options.dbUrl,
        notice,
      });
      const fresh = articles.filter((a) => !known.has(a.id));
      progress.alreadyStored += articles.length - fresh.length;
      while ((await refresh()).waiting + progress.retrying >= window) await sleep(pollMs);
      // A job id already in the queue would be ignored by BullMQ; say so instead of counting it as added.
      const states = await Promise.all(fresh.map((a) => queue.getJobState(codingJobId(a.id))));
      const absent = fresh.filter((_, i) => states[i] === "unknown");
      progress.alreadyQueued += fresh.length - absent.length;
      if (absent.length > 0) {
        await queue.addBulk(
          absent.map((article) => ({
            name: CODE_ARTICLE,
            data: { article },
            opts: { jobId: codingJobId(article.id) },
          })),
        );
        progress.enqueued += absent.length;
      }
      report();
    };

    const inputs = options.read ? options.read(paths) : await defaultRead(paths);
    for await (const item of inputs) {
      if (item.kind === "rejected") {
        progress.rejected++;
        rejects.push(item.rejected);
        options.onReject?.(item.rejected);
        continue;
      }
      progress.read++;
      if (seen.has(item.article.id)) {
        progress.repeated++;
        continue;
      }
      seen.add(item.article.id);
      chunk.push(item.article);
      if (chunk.length >= CHUNK) await flush();
    }
    await flush();

    if (!options.noWait) {
      for (;;) {
        const now = await refresh();
        if (now.waiting + now.active + now.retrying === 0) break;
        await sleep(pollMs);
      }
    }
    await refresh();
    const counts = await retryStoreOutage(() => store.counts(), { url: options.dbUrl, notice });
    return { ...progress, seconds: (performance.now() - started) / 1000, store: counts };
  } finally {
    await queue.close();
    await store.close();
  }
}
