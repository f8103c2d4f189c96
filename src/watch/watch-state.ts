import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from "node:fs";
import { open, readFile, rename, unlink } from "node:fs/promises";
import { z } from "zod";
import { DyadError } from "../types/errors.js";

const itemSchema = z.object({
  /** The stored article's id; null when the item was rejected (it is not tried again). */
  articleId: z.string().nullable(),
  /** Last time the item was in the feed (ISO time): items gone for long are forgotten. */
  lastSeen: z.string(),
});

const feedSchema = z.object({
  etag: z.string().nullable(),
  lastModified: z.string().nullable(),
  bodyHash: z.string().nullable(),
  /** Failed fetches in a row, and when the next attempt is due (ISO time). */
  failures: z.number().int().nonnegative(),
  retryAt: z.string().nullable(),
  lastError: z.string().nullable(),
  /**
   * Items already stored (or rejected), by item key: `guid:` + the feed's id for the item, else the link, else `id:` +
   * the article id (files written before feed ids were used have link keys; the watcher carries them over).
   */
  items: z.record(z.string(), itemSchema),
  /** Items being written: item key → article id. Resolved on start against the store. */
  pending: z.record(z.string(), z.string()),
  /** Reasons of the item rejects last reported for this feed, so the same broken item is reported once. */
  rejectReasons: z.array(z.string()),
});

const stateSchema = z.object({
  version: z.literal(1),
  feeds: z.record(z.string(), feedSchema),
});

/** What the watcher remembers about one feed. */
export type FeedState = z.infer<typeof feedSchema>;
export type SeenItem = z.infer<typeof itemSchema>;

/**
 * Items not in the feed for this long are forgotten. Should a feed list one again, its page is fetched again, and
 * the store recognises the article by its content id, so forgetting costs a request, not a duplicate.
 */
const FORGET_AFTER_MS = 14 * 24 * 3600 * 1000;
/** At most this many remembered items per feed (the most recently seen are kept). */
const MAX_ITEMS_PER_FEED = 5_000;

function emptyFeed(): FeedState {
  return {
    etag: null,
    lastModified: null,
    bodyHash: null,
    failures: 0,
    retryAt: null,
    lastError: null,
    items: {},
    pending: {},
    rejectReasons: [],
  };
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Takes `<state>.lock` for this process, replacing a lock left by a process that no longer runs. */
function takeLock(lockPath: string, statePath: string): void {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lockPath, "wx");
      writeSync(fd, `${process.pid}\n`);
      closeSync(fd);
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") {
        throw new DyadError(
          "STORE",
          `cannot create the watch lock "${lockPath}": ${(error as Error).message}`,
        );
      }
    }
    let pid = Number.NaN;
    try {
      pid = Number.parseInt(readFileSync(lockPath, "utf8"), 10);
    } catch {
      // vanished meanwhile: try again
    }
    if (Number.isInteger(pid) && pid > 0 && processAlive(pid)) {
      throw new DyadError(
        "USAGE",
        `another dyad watch (pid ${pid}) is using the state file "${statePath}"; stop it or give another --state`,
      );
    }
    try {
      unlinkSync(lockPath); // left by a process that died
    } catch {
      // already gone
    }
  }
  throw new DyadError("STORE", `cannot take the watch lock "${lockPath}"`);
}

/**
 * The watcher's memory, kept in a JSON file beside the store: per feed, the items already stored, the HTTP
 * validators, and the failure count that drives the back-off. Saved atomically (written to a temporary file, flushed,
 * then renamed over the old one), so a crash leaves either the old or the new state, never a torn one. A lock file
 * keeps two watchers off the same state.
 */
export class WatchState {
  readonly path: string;
  readonly #lockPath: string;
  readonly #feeds: Record<string, FeedState>;
  #saving: Promise<void> = Promise.resolve();
  #closed = false;
  #touched = false;

  private constructor(path: string, feeds: Record<string, FeedState>) {
    this.path = path;
    this.#lockPath = `${path}.lock`;
    this.#feeds = feeds;
  }

  /** Locks and loads the state at `path` (a missing file is an empty state). A corrupt file throws a `DyadError`. */
  static async open(path: string): Promise<WatchState> {
    takeLock(`${path}.lock`, path);
    try {
      let feeds: Record<string, FeedState> = {};
      let text: string | null = null;
      try {
        text = await readFile(path, "utf8");
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
      }
      if (text !== null) {
        let json: unknown;
        try {
          json = JSON.parse(text);
        } catch (error) {
          throw new DyadError(
            "STORE",
            `the watch state "${path}" is not valid JSON: ${(error as Error).message}`,
          );
        }
        const parsed = stateSchema.safeParse(json);
        if (!parsed.success) {
          const first = parsed.error.issues[0];
          throw new DyadError(
            "STORE",
            `the watch state "${path}" is not a dyad watch state (${first?.path.join(".") || "root"}: ${first?.message})`,
          );
        }
        feeds = parsed.data.feeds;
      }
      return new WatchState(path, feeds);
    } catch (error) {
      try {
        unlinkSync(`${path}.lock`);
      } catch {
        // not there
      }
      if (error instanceof DyadError) throw error;
      throw new DyadError("STORE", `cannot read the watch state "${path}": ${(error as Error).message}`, {
        cause: error,
      });
    }
  }

  /** The state of one feed (created empty on first use). Mutate it, then `save()`. */
  feed(key: string): FeedState {
    this.#touched = true;
    let state = this.#feeds[key];
    if (!state) {
      state = emptyFeed();
      this.#feeds[key] = state;
    }
    return state;
  }

  /** Every feed key with state (including feeds no longer listed). */
  feedKeys(): string[] {
    return Object.keys(this.#feeds);
  }

  /** Writes the state atomically. Saves are queued, so the last call's snapshot is what ends up on disk. */
  save(): Promise<void> {
    if (this.#closed)
      return Promise.reject(new DyadError("USAGE", `the watch state "${this.path}" is closed`));
    const next = this.#saving.then(() => this.#write());
    this.#saving = next.catch(() => undefined);
    return next;
  }

  async #write(): Promise<void> {
    const text = `${JSON.stringify({ version: 1, feeds: this.#feeds })}\n`;
    const temporary = `${this.path}.${process.pid}.tmp`;
    try {
      const handle = await open(temporary, "w");
      try {
        await handle.writeFile(text, "utf8");
        await handle.sync();
      } finally {
        await handle.close();
      }
      await rename(temporary, this.path);
    } catch (error) {
      await unlink(temporary).catch(() => undefined);
      throw new DyadError(
        "STORE",
        `cannot write the watch state "${this.path}": ${(error as Error).message}`,
        {
          cause: error,
        },
      );
    }
  }

  /** Saves a last time (when any feed's state was used) and releases the lock. */
  async close(): Promise<void> {
    if (this.#closed) return;
    try {
      if (this.#touched) await this.save();
    } finally {
      this.#closed = true;
      try {
        unlinkSync(this.#lockPath);
      } catch {
        // already gone
      }
    }
  }
}

/**
 * Forgets items that have not been in the feed for 14 days, and keeps at most 5,000 per feed (most recently seen
 * first), so the state of a busy feed does not grow without end. Call it only after marking the items the feed lists
 * now as seen.
 */
export function forgetOldItems(feed: FeedState, now: Date): void {
  const cutoff = now.getTime() - FORGET_AFTER_MS;
  const entries = Object.entries(feed.items);
  let kept = entries.filter(([, item]) => Date.parse(item.lastSeen) >= cutoff);
  if (kept.length > MAX_ITEMS_PER_FEED) {
    kept = kept.sort((a, b) => b[1].lastSeen.localeCompare(a[1].lastSeen)).slice(0, MAX_ITEMS_PER_FEED);
  }
  if (kept.length === entries.length) return;
  feed.items = Object.fromEntries(kept);
}
