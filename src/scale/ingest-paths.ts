import { availableParallelism } from "node:os";
import type { Store } from "../store/store.js";
import type { Article, Rejected } from "../types/article.js";
import type { CodedArticleRow } from "../types/store.js";
import type { ArticleCoder } from "./coding-pool.js";
import { CodingFailure, CodingPool } from "./coding-pool.js";
import { codedRowOf, rejectOfArticle } from "./coding-result.js";

/** What the readers yield (the shape of `readPaths` from src/ingest). */
export type IngestInput =
  | { readonly kind: "article"; readonly article: Article }
  | { readonly kind: "rejected"; readonly rejected: Rejected };

/** Running totals, reported after every coded article and every written batch. */
export interface IngestProgress {
  /** Articles read from the inputs. */
  read: number;
  /** Articles skipped because the store already held them. */
  alreadyStored: number;
  /** Articles skipped because an earlier input in this run had the same id. */
  repeated: number;
  /** Articles coded in this run (including ones that failed). */
  coded: number;
  /** Articles written to the store in this run. */
  written: number;
  /** Events written (tellings, before merging). */
  events: number;
  /** Inputs rejected by the readers or by the coder. */
  rejected: number;
  /** Sentences in the coded articles. */
  sentences: number;
  /** UTF-8 bytes of raw text coded. */
  bytes: number;
}

export interface IngestSummary extends IngestProgress {
  readonly seconds: number;
}

export interface IngestOptions {
  readonly store: Store;
  /** Worker threads for the default pool (ignored when `coder` is given). Default: every core. */
  readonly workers?: number;
  /** Articles per write transaction. Default 200. */
  readonly batch?: number;
  /** Who codes the articles; default: a `CodingPool` of `workers` threads running the pipeline (closed at the end). */
  readonly coder?: ArticleCoder;
  /** The readers; default `readPaths` from src/ingest. */
  readonly read?: (paths: readonly string[]) => AsyncIterable<IngestInput>;
  readonly onProgress?: (progress: Readonly<IngestProgress>) => void;
  /** Called for each rejected input as it is found (the store receives it with the next batch). */
  readonly onReject?: (rejected: Rejected) => void;
}

/** Articles read ahead before asking the store which of them it already has. */
const LOOKUP_BATCH = 256;

async function defaultRead(paths: readonly string[]): Promise<AsyncIterable<IngestInput>> {
  const { readPaths } = await import("../ingest/index.js");
  return readPaths(paths);
}

/**
 * Reads `paths`, skips articles the store already holds, codes the rest in parallel and writes them in batched
 * transactions. Idempotent, and safe to kill at any moment: each batch commits whole or not at all, and the store's
 * clustering and merging depend only on which articles it holds, so running the same command again finishes the
 * job with the same contents as an uninterrupted run, whatever the number of workers.
 *
 * @example
 * const store = await openStore("events.db");
 * const summary = await ingestPaths(["corpus/"], { store, workers: 2 });
 * // { read: 5780, written: 5780, events: 12345, rejected: 0, seconds: 41.2, ... }
 */
export async function ingestPaths(paths: readonly string[], options: IngestOptions): Promise<IngestSummary> {
  const started = performance.now();
  const { store } = options;
  const batchSize = Math.max(1, Math.floor(options.batch ?? 200));
  // The default pool starts with the first article that needs coding: a run with nothing new pays no start-up.
  let ownPool: Promise<CodingPool> | null = null;
  const coder = async (): Promise<ArticleCoder> => {
    if (options.coder) return options.coder;
    ownPool ??= CodingPool.start(options.workers ? { workers: options.workers } : {});
    return ownPool;
  };
  const concurrency = options.coder?.concurrency ?? (options.workers ?? availableParallelism()) * 2;
  const maxPending = Math.max(batchSize * 2, concurrency * 2);
  const progress: IngestProgress = {
    read: 0,
    alreadyStored: 0,
    repeated: 0,
    coded: 0,
    written: 0,
    events: 0,
    rejected: 0,
    sentences: 0,
    bytes: 0,
  };
  const report = () => options.onProgress?.(progress);

  const seen = new Set<string>();
  let lookup: Article[] = [];
  let inFlight = 0;
  const done: CodedArticleRow[] = [];
  const rejects: Rejected[] = [];
  let writing: Promise<void> | null = null;
  let failure: unknown = null;
  let waiters: (() => void)[] = [];
  const wake = () => {
    const list = waiters;
    waiters = [];
    for (const w of list) w();
  };
  const changed = () => new Promise<void>((resolve) => waiters.push(resolve));

  const reject = (rejected: Rejected) => {
    progress.rejected++;
    rejects.push(rejected);
    options.onReject?.(rejected);
  };

  const write = (force: boolean) => {
    if (writing || failure) return;
    if (done.length === 0 && rejects.length === 0) return;
    if (!force && done.length < batchSize) return;
    const rows = done.splice(0, batchSize);
    const batchRejects = rejects.splice(0);
    writing = store
      .writeBatch({ rows, rejects: batchRejects })
      .then((outcome) => {
        progress.written += outcome.articles;
        progress.events += outcome.events;
        report();
      })
      .catch((error: unknown) => {
        failure = error;
      })
      .finally(() => {
        writing = null;
        wake();
        write(false);
      });
  };

  const dispatch = async (article: Article) => {
    while (!failure && inFlight + done.length >= maxPending) await changed();
    if (failure) throw failure;
    const pool = await coder();
    inFlight++;
    pool.code(article).then(
      (result) => {
        inFlight--;
        progress.coded++;
        progress.sentences += result.sentences;
        progress.bytes += Buffer.byteLength(article.rawText, "utf8");
        done.push(codedRowOf(article, result));
        report();
        write(false);
        wake();
      },
      (error: unknown) => {
        inFlight--;
        if (error instanceof CodingFailure) {
          progress.coded++;
          reject(rejectOfArticle(article, `could not be coded: ${error.message}`));
          report();
        } else {
          failure ??= error;
        }
        wake();
      },
    );
  };

  const flushLookup = async () => {
    const articles = lookup;
    lookup = [];
    if (articles.length === 0) return;
    const known = await store.knownArticleIds(articles.map((a) => a.id));
    for (const article of articles) {
      if (known.has(article.id)) {
        progress.alreadyStored++;
        continue;
      }
      await dispatch(article);
    }
    report();
  };

  try {
    const inputs = options.read ? options.read(paths) : await defaultRead(paths);
    for await (const item of inputs) {
      if (failure) throw failure;
      if (item.kind === "rejected") {
        reject(item.rejected);
        continue;
      }
      progress.read++;
      if (seen.has(item.article.id)) {
        progress.repeated++;
        continue;
      }
      seen.add(item.article.id);
      lookup.push(item.article);
      if (lookup.length >= LOOKUP_BATCH) await flushLookup();
    }
    await flushLookup();
    while (!failure && (inFlight > 0 || writing || done.length > 0 || rejects.length > 0)) {
      if (inFlight === 0) write(true);
      await changed();
    }
    if (failure) throw failure;
  } finally {
    if (writing) await writing;
    const startedPool = ownPool ? await (ownPool as Promise<CodingPool>).catch(() => null) : null;
    await startedPool?.close();
  }
  report();
  return { ...progress, seconds: (performance.now() - started) / 1000 };
}
