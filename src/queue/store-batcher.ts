import type { Store } from "../store/store.js";
import type { BatchOutcome } from "../store/write-coded-batch.js";
import type { Rejected } from "../types/article.js";
import type { CodedArticleRow } from "../types/store.js";
import { retryStoreOutage } from "./store-outage.js";

interface Entry {
  readonly row?: CodedArticleRow;
  readonly rejected?: Rejected;
  resolve(): void;
  reject(error: unknown): void;
}

export interface StoreBatcherOptions {
  readonly store: Store;
  /** The store's URL, for notices. */
  readonly url: string;
  /** Articles per write transaction. */
  readonly size: number;
  /** How long a partial batch waits for more articles before it is written. */
  readonly delayMs: number;
  readonly notice: (message: string) => void;
  /** Called after each committed batch with what it added and how long the write took (retries included). */
  readonly onWritten?: (outcome: BatchOutcome, seconds: number) => void;
}

/**
 * Gathers coded articles from concurrent jobs into batched store writes, one transaction at a time, and settles each
 * article's promise once its batch has committed — so a job is acknowledged only after its result is stored. A store
 * outage is waited out (see `retryStoreOutage`); a batch that fails for any other reason is retried article by article,
 * so one bad article fails alone.
 */
export class StoreBatcher {
  readonly #options: StoreBatcherOptions;
  #pending: Entry[] = [];
  #timer: NodeJS.Timeout | null = null;
  #writing: Promise<void> | null = null;

  constructor(options: StoreBatcherOptions) {
    this.#options = options;
  }

  /** Resolves when the article is committed (or was already stored). */
  write(row: CodedArticleRow): Promise<void> {
    return this.#add({ row });
  }

  /** Resolves when the reject is committed. */
  reject(rejected: Rejected): Promise<void> {
    return this.#add({ rejected });
  }

  /** Writes whatever is pending now and waits for every write in progress. */
  async flush(): Promise<void> {
    for (;;) {
      this.#kick(true);
      if (!this.#writing) return;
      await this.#writing;
    }
  }

  #add(item: { row?: CodedArticleRow; rejected?: Rejected }): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.#pending.push({ ...item, resolve, reject });
      this.#kick(false);
    });
  }

  #kick(force: boolean): void {
    if (this.#writing || this.#pending.length === 0) return;
    if (force || this.#pending.length >= this.#options.size) {
      if (this.#timer) clearTimeout(this.#timer);
      this.#timer = null;
      const entries = this.#pending.splice(0, this.#options.size);
      this.#writing = this.#write(entries).finally(() => {
        this.#writing = null;
        this.#kick(false);
      });
      return;
    }
    this.#timer ??= setTimeout(() => {
      this.#timer = null;
      this.#kick(true);
    }, this.#options.delayMs);
  }

  async #commit(entries: readonly Entry[]): Promise<void> {
    const rows = entries.flatMap((e) => (e.row ? [e.row] : []));
    const rejects = entries.flatMap((e) => (e.rejected ? [e.rejected] : []));
    const started = performance.now();
    const outcome = await retryStoreOutage(() => this.#options.store.writeBatch({ rows, rejects }), {
      url: this.#options.url,
      notice: this.#options.notice,
    });
    this.#options.onWritten?.(outcome, (performance.now() - started) / 1000);
  }

  async #write(entries: Entry[]): Promise<void> {
    try {
      await this.#commit(entries);
      for (const e of entries) e.resolve();
      return;
    } catch (error) {
      if (entries.length === 1) {
        entries[0]?.reject(error);
        return;
      }
    }
    for (const entry of entries) {
      try {
        await this.#commit([entry]);
        entry.resolve();
      } catch (error) {
        entry.reject(error);
      }
    }
  }
}
