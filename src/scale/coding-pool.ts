import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import type { Article } from "../types/article.js";
import { DyadError } from "../types/errors.js";
import type { CodingResult } from "./coding-result.js";
import type { PoolReply, PoolRequest } from "./pool-messages.js";

/** Anything that codes articles asynchronously: the worker pool, or an in-thread coder for tests and small jobs. */
export interface ArticleCoder {
  /** How many articles it can usefully have in flight. */
  readonly concurrency: number;
  code(article: Article): Promise<CodingResult>;
}

/** Thrown back for one article whose coding threw inside the worker; the pool itself stays usable. */
export class CodingFailure extends Error {
  override readonly name = "CodingFailure";
}

export interface CodingPoolOptions {
  /** Worker threads; default: every core (`os.availableParallelism()`). */
  readonly workers?: number;
  /** Module each worker loads (`prepare()` + `codeTask(article)`); default: dyad's pipeline. */
  readonly taskModule?: string | URL;
}

interface Slot {
  readonly worker: Worker;
  readonly busy: Map<number, { resolve(r: CodingResult): void; reject(e: Error): void }>;
  peakMb: number;
}

/**
 * Articles sent ahead to a worker so it never waits on the main thread. The main thread blocks while it writes a
 * batch (SQLite is synchronous: ~40–150 ms for 200 articles, longer when the cores are shared), and an article codes
 * in 2–4 ms, so a worker needs several dozen queued to stay busy through a write; an article in the queue costs only
 * its raw text.
 */
const PREFETCH = 48;
const ownExtension = import.meta.url.endsWith(".ts") ? ".ts" : ".js";

function startWorker(taskModule: string): Worker {
  const entry = new URL(`./coding-worker${ownExtension}`, import.meta.url);
  const workerData = { taskModule };
  if (ownExtension === ".ts" || taskModule.endsWith(".ts")) {
    // Node 20 workers ignore `--import` in execArgv, so the TypeScript loader is registered by a bootstrap.
    const tsx = import.meta.resolve("tsx/esm/api");
    const bootstrap = `import(${JSON.stringify(tsx)}).then((api) => { api.register(); return import(${JSON.stringify(entry.href)}); });`;
    return new Worker(bootstrap, { eval: true, workerData });
  }
  return new Worker(entry, { workerData });
}

/**
 * A fixed set of worker threads coding articles in parallel. Each worker loads the task module once (the NLP model
 * and knowledge base), then codes one article per message. A task that throws fails only that article
 * (`CodingFailure`); a worker that dies fails the pool.
 *
 * @example
 * const pool = await CodingPool.start({ workers: 2 });
 * const result = await pool.code(article); // { articleId, cleanText, events, signature, sentences }
 * await pool.close();
 */
export class CodingPool implements ArticleCoder {
  readonly #slots: Slot[];
  readonly #queue: {
    id: number;
    article: Article;
    resolve(r: CodingResult): void;
    reject(e: Error): void;
  }[] = [];
  #nextId = 0;
  #broken: Error | null = null;
  #closed = false;

  private constructor(slots: Slot[]) {
    this.#slots = slots;
  }

  /** Starts the workers and waits until each has prepared its task module. */
  static async start(options: CodingPoolOptions = {}): Promise<CodingPool> {
    const count = Math.max(1, Math.floor(options.workers ?? availableParallelism()));
    const taskModule = String(
      options.taskModule ?? new URL(`./pipeline-task${ownExtension}`, import.meta.url),
    );
    const slots: Slot[] = [];
    const ready: Promise<void>[] = [];
    for (let i = 0; i < count; i++) {
      const slot: Slot = { worker: startWorker(taskModule), busy: new Map(), peakMb: 0 };
      slots.push(slot);
      ready.push(
        new Promise<void>((resolve, reject) => {
          const onMessage = (reply: PoolReply) => {
            if (reply.type !== "ready") return;
            slot.peakMb = reply.peakMb;
            slot.worker.off("message", onMessage);
            slot.worker.off("error", onError);
            resolve();
          };
          const onError = (error: Error) => reject(error);
          slot.worker.on("message", onMessage);
          slot.worker.once("error", onError);
        }),
      );
    }
    try {
      await Promise.all(ready);
    } catch (error) {
      await Promise.all(slots.map((s) => s.worker.terminate()));
      throw new DyadError("WORKER", `a coding worker failed to start: ${(error as Error).message}`, {
        cause: error,
      });
    }
    const pool = new CodingPool(slots);
    for (const slot of slots) pool.#listen(slot);
    return pool;
  }

  get concurrency(): number {
    return this.#slots.length * PREFETCH;
  }

  get workers(): number {
    return this.#slots.length;
  }

  #listen(slot: Slot): void {
    slot.worker.on("message", (reply: PoolReply) => {
      if (reply.type === "stats" || reply.type === "ready") {
        slot.peakMb = Math.max(slot.peakMb, reply.peakMb);
        return;
      }
      const waiter = slot.busy.get(reply.id);
      if (!waiter) return;
      slot.busy.delete(reply.id);
      if (reply.type === "done") waiter.resolve(reply.result);
      else waiter.reject(new CodingFailure(reply.message));
      this.#pump();
    });
    const fail = (error: Error) => {
      if (this.#closed) return;
      this.#broken ??= new DyadError("WORKER", `a coding worker died: ${error.message}`, { cause: error });
      for (const waiter of slot.busy.values()) waiter.reject(this.#broken);
      slot.busy.clear();
      for (const queued of this.#queue.splice(0)) queued.reject(this.#broken);
    };
    slot.worker.on("error", fail);
    slot.worker.on("exit", (code) => fail(new Error(`exit code ${code}`)));
  }

  #pump(): void {
    while (this.#queue.length > 0) {
      let best: Slot | undefined;
      for (const slot of this.#slots) if (!best || slot.busy.size < best.busy.size) best = slot;
      if (!best || best.busy.size >= PREFETCH) return;
      const next = this.#queue.shift()!;
      best.busy.set(next.id, next);
      const request: PoolRequest = { type: "code", id: next.id, article: next.article };
      best.worker.postMessage(request);
    }
  }

  code(article: Article): Promise<CodingResult> {
    if (this.#broken) return Promise.reject(this.#broken);
    if (this.#closed) return Promise.reject(new DyadError("USAGE", "the coding pool is closed"));
    return new Promise<CodingResult>((resolve, reject) => {
      this.#queue.push({ id: this.#nextId++, article, resolve, reject });
      this.#pump();
    });
  }

  /** Peak memory each worker reported (its V8 heap, malloc and external memory, in MB). */
  async peakMemoryMb(): Promise<number[]> {
    return (await this.workerStats()).map((s) => s.peakMb);
  }

  /**
   * Each worker's peak memory (MB, as `peakMemoryMb`) and the CPU time its thread has used so far (seconds, null
   * where the platform cannot tell), asked of every worker now.
   */
  async workerStats(): Promise<{ peakMb: number; cpuSeconds: number | null }[]> {
    const cpu = await Promise.all(
      this.#slots.map(
        (slot) =>
          new Promise<number | null>((resolve) => {
            const onMessage = (reply: PoolReply) => {
              if (reply.type !== "stats") return;
              slot.worker.off("message", onMessage);
              resolve(reply.cpuSeconds);
            };
            slot.worker.on("message", onMessage);
            const request: PoolRequest = { type: "stats" };
            slot.worker.postMessage(request);
          }),
      ),
    );
    return this.#slots.map((slot, i) => ({
      peakMb: Math.round(slot.peakMb * 10) / 10,
      cpuSeconds: cpu[i] ?? null,
    }));
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    await Promise.all(this.#slots.map((slot) => slot.worker.terminate()));
  }
}

/** Codes in the calling thread, one article at a time: for tests and tiny inputs. */
export function inThreadCoder(codeTask: (article: Article) => CodingResult): ArticleCoder {
  return {
    concurrency: 1,
    async code(article: Article): Promise<CodingResult> {
      try {
        return codeTask(article);
      } catch (error) {
        throw new CodingFailure(error instanceof Error ? error.message : String(error));
      }
    },
  };
}
