import { XMLValidator } from "fast-xml-parser";
import { type FeedItem, feedKind, readFeed, rootElementName } from "../ingest/index.js";
import type { Store } from "../store/index.js";
import { codedArticleRow } from "../store/index.js";
import type { Article, Rejected } from "../types/article.js";
import type { CleanText } from "../types/clean-text.js";
import { DyadError } from "../types/errors.js";
import type { EventRecord } from "../types/event.js";
import type { CodedArticleRow } from "../types/store.js";
import { loadFeedDocument } from "./feed-document.js";
import { type FeedList, type FeedRef, feedKey, readFeedList } from "./feed-list.js";
import { FetchFailure, type FetchLimits } from "./fetch-resource.js";
import { readItemPage } from "./item-page.js";
import { type FeedState, forgetOldItems, WatchState } from "./watch-state.js";

/** What the watcher needs from the coder: the pipeline's `codeArticle` fits. */
export type WatchCoder = (article: Article) => {
  readonly article: Article;
  readonly clean: CleanText;
  readonly events: readonly EventRecord[];
};

export interface WatchOptions {
  /** The feeds file: one feed URL or local path per line, `#` comments. Re-read every round. */
  readonly feedsFile: string;
  /** An open store; the watcher writes to it and leaves it open. */
  readonly store: Store;
  /** The state file (items seen, validators, back-off); locked while the watcher runs. */
  readonly statePath: string;
  /** Seconds between the end of one round and the start of the next; also the back-off unit. Default 300. */
  readonly intervalSeconds?: number;
  /** Run one round and return. */
  readonly once?: boolean;
  /** At most this many new items per round, over all feeds (the rest wait for the next rounds). Default: no limit. */
  readonly maxItems?: number;
  /** Per-request timeout in seconds (feeds and pages). Default 20. */
  readonly timeoutSeconds?: number;
  /** Largest feed body, in bytes. Default 16 MB. */
  readonly maxFeedBytes?: number;
  /** Largest item page, in bytes. Default 8 MB. */
  readonly maxPageBytes?: number;
  /** Longest wait before retrying a failing feed, in seconds. Default 6 hours. */
  readonly maxBackoffSeconds?: number;
  /** Feeds fetched at the same time. Default 4. */
  readonly concurrency?: number;
  /** Aborting it stops the watcher after the item in hand (state saved, nothing half-written). */
  readonly signal?: AbortSignal;
  /** Where the one-line messages go. Default: stderr. */
  readonly log?: (line: string) => void;
  /** Called after each round. */
  readonly onRound?: (round: WatchRound) => void;
  /** The coder. Default: the pipeline's `codeArticle`. */
  readonly code?: WatchCoder;
  /** The clock (tests). */
  readonly now?: () => Date;
}

/** What one round did. */
export interface WatchRound {
  readonly round: number;
  /** Feeds listed in the feeds file. */
  readonly feeds: number;
  /** Feeds whose new content was read. */
  readonly changed: number;
  /** Feeds unchanged since the last round (HTTP 304, or the same body). */
  readonly unchanged: number;
  /** Feeds that could not be fetched or read (logged with the reason). */
  readonly failed: number;
  /** Feeds skipped because they are backing off after failures. */
  readonly backingOff: number;
  /** New articles written to the store. */
  readonly articles: number;
  /** New items whose article the store already held (the same story from another link or feed). */
  readonly alreadyStored: number;
  /** Of the new items: read from their page, or from the feed's own text (no link, or the page failed). */
  readonly fromPage: number;
  readonly fromFeed: number;
  /** Events written (tellings). */
  readonly events: number;
  /** Broken feed items and articles that could not be coded (stored as rejects). */
  readonly rejected: number;
  /** New items left for a later round by `maxItems`. */
  readonly deferred: number;
}

export interface WatchSummary {
  readonly rounds: readonly WatchRound[];
  /** True when the watcher stopped because its signal was aborted. */
  readonly stopped: boolean;
}

interface Settings {
  readonly store: Store;
  readonly state: WatchState;
  readonly intervalMs: number;
  readonly maxBackoffMs: number;
  readonly feedLimits: FetchLimits;
  readonly pageLimits: FetchLimits;
  readonly signal: AbortSignal | undefined;
  readonly log: (line: string) => void;
  /** The coder, loaded on first use (the pipeline's NLP model and knowledge take a moment to load). */
  readonly coder: () => Promise<WatchCoder>;
  readonly now: () => Date;
}

interface Tally {
  changed: number;
  unchanged: number;
  failed: number;
  backingOff: number;
  articles: number;
  alreadyStored: number;
  fromPage: number;
  fromFeed: number;
  events: number;
  rejected: number;
  deferred: number;
  /** New items this round may still take (Infinity: no limit). */
  budget: number;
}

/** New items are coded, then written to the store this many at a time. */
const WRITE_CHUNK = 10;
const MB = 1024 * 1024;

function duration(ms: number): string {
  const s = Math.round(ms / 1000);
  if (s < 120) return `${s} s`;
  if (s < 7200) return `${Math.round(s / 60)} min`;
  return `${(s / 3600).toFixed(1)} h`;
}

function stopped(settings: Settings): boolean {
  return settings.signal?.aborted === true;
}

/** Resolves a relative item link against the feed's URL; null when the item has no fetchable http(s) link. */
function itemLink(article: Article, feed: FeedRef): string | null {
  const raw = article.url?.trim();
  if (!raw) return null;
  try {
    const url = feed.kind === "url" ? new URL(raw, feed.url) : new URL(raw);
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
  } catch {
    return null;
  }
}

/** A feed item read as an article, with the feed's id for it and where its text came from. */
type FeedArticle = Extract<FeedItem, { kind: "article" }>;

/** How items were remembered before feed ids were used: the link, else the content id of the text. */
function linkKey(article: Article, link: string | null): string {
  return link ?? (article.url?.trim() || `id:${article.id}`);
}

/**
 * How an item is remembered: the feed's own id for it (`<guid>`, `<id>`, `rdf:about`), which stays the same when a
 * link changes and tells apart items that share one; else its link; else the content id of its text.
 */
function itemKey(entry: FeedArticle, link: string | null): string {
  return entry.guid !== null ? `guid:${entry.guid}` : linkKey(entry.article, link);
}

function recordFailure(settings: Settings, feed: FeedRef, st: FeedState, reason: string, tally: Tally): void {
  st.failures++;
  const delay = Math.min(settings.intervalMs * 2 ** (st.failures - 1), settings.maxBackoffMs);
  st.retryAt = new Date(settings.now().getTime() + delay).toISOString();
  st.lastError = reason;
  tally.failed++;
  const next = delay <= settings.intervalMs ? "retrying next round" : `retrying in ${duration(delay)}`;
  settings.log(`dyad: watch: feed ${feed.ref}: ${reason} (failure ${st.failures}; ${next})`);
}

/** Items written in an earlier run whose state update was cut short: stored → seen; not stored → new again. */
async function resolvePending(settings: Settings, st: FeedState): Promise<void> {
  const pending = Object.entries(st.pending);
  if (pending.length === 0) return;
  const known = await settings.store.knownArticleIds(pending.map(([, id]) => id));
  const seen = settings.now().toISOString();
  for (const [key, id] of pending) {
    if (known.has(id)) st.items[key] = { articleId: id, lastSeen: seen };
  }
  st.pending = {};
  await settings.state.save();
}

interface NewItem {
  readonly key: string;
  readonly link: string | null;
  readonly article: Article;
  /** Where the feed's text for the item came from: its content, or only its headline. */
  readonly textFrom: FeedArticle["textFrom"];
}

/** Reads, codes and stores a chunk of new items; false when the store could not be written. */
async function ingestChunk(
  settings: Settings,
  feed: FeedRef,
  st: FeedState,
  chunk: readonly NewItem[],
  tally: Tally,
): Promise<boolean> {
  const code = await settings.coder();
  const rows: { key: string; row: CodedArticleRow }[] = [];
  const rejects: { key: string; rejected: Rejected }[] = [];
  for (const item of chunk) {
    if (stopped(settings)) break;
    let article = item.article;
    if (item.link) {
      let page: Awaited<ReturnType<typeof readItemPage>>;
      try {
        // A headline-only item's headline is its text; for the page it is the title to fall back on.
        const known =
          item.textFrom === "title" ? { ...item.article, title: item.article.rawText } : item.article;
        page = await readItemPage(item.link, known, settings.pageLimits);
      } catch (error) {
        if (error instanceof FetchFailure && error.stopped) break;
        throw error;
      }
      if (page.ok) {
        article = page.article;
        tally.fromPage++;
      } else {
        const fallback =
          item.textFrom === "title"
            ? "using the item's headline (the feed gives no text)"
            : "using the feed's text";
        settings.log(`dyad: watch: ${feed.ref}: page ${item.link}: ${page.reason}; ${fallback}`);
        tally.fromFeed++;
      }
    } else {
      tally.fromFeed++;
    }
    try {
      rows.push({ key: item.key, row: codedArticleRow(code(article)) });
    } catch (error) {
      const reason = `could not be coded: ${error instanceof Error ? error.message : String(error)}`;
      settings.log(`dyad: watch: ${feed.ref}: ${article.source}: ${reason}`);
      rejects.push({ key: item.key, rejected: { path: article.source, reason } });
    }
  }
  if (rows.length === 0 && rejects.length === 0) return true;
  for (const { key, row } of rows) st.pending[key] = row.article.id;
  await settings.state.save();
  let outcome: Awaited<ReturnType<Store["writeBatch"]>>;
  try {
    outcome = await settings.store.writeBatch({
      rows: rows.map((r) => r.row),
      rejects: rejects.map((r) => r.rejected),
    });
  } catch (error) {
    settings.log(`dyad: watch: ${feed.ref}: could not write to the store: ${(error as Error).message}`);
    return false;
  }
  const seen = settings.now().toISOString();
  for (const { key, row } of rows) {
    st.items[key] = { articleId: row.article.id, lastSeen: seen };
    delete st.pending[key];
  }
  for (const { key } of rejects) st.items[key] = { articleId: null, lastSeen: seen };
  tally.articles += outcome.articles;
  tally.alreadyStored += outcome.skipped;
  tally.events += outcome.events;
  tally.rejected += rejects.length;
  await settings.state.save();
  return true;
}

/** A feed fetched and parsed this round, waiting for its new items to be ingested. */
interface FeedRead {
  readonly feed: FeedRef;
  readonly st: FeedState;
  readonly articles: readonly FeedArticle[];
  readonly broken: readonly Rejected[];
  readonly validators: Pick<FeedState, "etag" | "lastModified" | "bodyHash">;
}

function feedSucceeded(st: FeedState): void {
  st.failures = 0;
  st.retryAt = null;
  st.lastError = null;
}

/**
 * Fetches and parses one feed: null when it is backing off, unchanged or failed (the failure is logged and counted).
 * Network only plus a light parse, so feeds can be fetched side by side without the coder starving their timers.
 */
async function fetchFeed(settings: Settings, feed: FeedRef, tally: Tally): Promise<FeedRead | null> {
  const st = settings.state.feed(feedKey(feed));
  if (st.retryAt !== null && Date.parse(st.retryAt) > settings.now().getTime()) {
    tally.backingOff++;
    return null;
  }
  let text: string;
  let validators: FeedRead["validators"];
  try {
    const doc = await loadFeedDocument(feed, st, settings.feedLimits);
    if (doc.kind === "unchanged") {
      feedSucceeded(st);
      tally.unchanged++;
      return null;
    }
    text = doc.text;
    validators = doc.validators;
  } catch (error) {
    if (!(error instanceof FetchFailure)) throw error;
    if (!error.stopped) recordFailure(settings, feed, st, error.reason, tally);
    return null;
  }
  const root = rootElementName(text);
  const kind = feedKind(root);
  if (!kind) {
    const why = root === null ? "no XML root element" : `the root element is <${root}>`;
    recordFailure(settings, feed, st, `not an RSS or Atom feed (${why})`, tally);
    return null;
  }
  // The reader checks the nesting of every item's HTML before parsing it, and rejects items nested too deeply.
  const articles: FeedArticle[] = [];
  const broken: Rejected[] = [];
  let items: ReturnType<typeof readFeed>;
  try {
    items = readFeed(text, feed.ref, kind);
  } catch (error) {
    // The reader is meant never to throw; should it, the feed counts as failed and is retried with back-off.
    recordFailure(settings, feed, st, `could not read the feed: ${(error as Error).message}`, tally);
    return null;
  }
  for (const item of items) {
    if (item.kind === "article") articles.push(item);
    else broken.push(item.rejected);
  }
  if (articles.length === 0 && broken.length > 0) {
    if (broken.length === 1 && broken[0]?.line === undefined) {
      // "no <item> elements": an empty feed is fine, a malformed document is not.
      const valid = XMLValidator.validate(text);
      if (valid !== true) {
        recordFailure(settings, feed, st, `malformed XML: ${valid.err.msg} (line ${valid.err.line})`, tally);
        return null;
      }
    } else {
      const first = broken[0] as Rejected;
      const reason = `no readable item (${broken.length} broken; line ${first.line}: ${first.reason})`;
      recordFailure(settings, feed, st, reason, tally);
      return null;
    }
  }
  feedSucceeded(st);
  tally.changed++;
  return { feed, st, articles, broken, validators };
}

/** The new items of a fetched feed: read their pages, code and store them, then remember the feed as handled. */
async function ingestFeed(settings: Settings, read: FeedRead, tally: Tally): Promise<void> {
  const { feed, st } = read;
  await resolvePending(settings, st);

  // Broken items next to good ones: reported and stored once, not every time the feed changes.
  const withLine = read.broken.filter((r) => r.line !== undefined);
  const known = new Set(st.rejectReasons);
  const fresh = withLine.filter((r) => !known.has(r.reason));
  st.rejectReasons = [...new Set(withLine.map((r) => r.reason))];
  for (const r of fresh) settings.log(`dyad: watch: ${r.path}:${r.line}: ${r.reason}`);

  const now = settings.now().toISOString();
  const unseen: NewItem[] = [];
  const inThisFeed = new Set<string>();
  for (const entry of read.articles) {
    const article = entry.article;
    const link = itemLink(article, feed);
    const key = itemKey(entry, link);
    if (inThisFeed.has(key)) continue;
    inThisFeed.add(key);
    let seen = st.items[key];
    const before = linkKey(article, link);
    if (!seen && before !== key && st.items[before]) {
      // Remembered by a state file written before items were known by their feed id: carry it over.
      seen = st.items[before];
      st.items[key] = seen;
      delete st.items[before];
    }
    if (seen) seen.lastSeen = now;
    else
      unseen.push({
        key,
        link,
        article: link && article.url !== link ? { ...article, url: link } : article,
        textFrom: entry.textFrom,
      });
  }

  let complete = true;
  if (fresh.length > 0) {
    try {
      await settings.store.writeBatch({ rows: [], rejects: fresh });
      tally.rejected += fresh.length;
    } catch (error) {
      settings.log(`dyad: watch: ${feed.ref}: could not write to the store: ${(error as Error).message}`);
      complete = false;
    }
  }
  const taken = unseen.slice(0, Math.max(0, Math.min(unseen.length, tally.budget)));
  tally.budget -= taken.length;
  if (taken.length < unseen.length) {
    tally.deferred += unseen.length - taken.length;
    complete = false;
  }
  for (let i = 0; i < taken.length; i += WRITE_CHUNK) {
    if (stopped(settings)) break;
    if (!(await ingestChunk(settings, feed, st, taken.slice(i, i + WRITE_CHUNK), tally))) {
      complete = false;
      break;
    }
  }
  if (complete && !stopped(settings)) {
    // Only a fully handled copy is remembered: otherwise the next round asks for the whole feed again.
    st.etag = read.validators.etag;
    st.lastModified = read.validators.lastModified;
    st.bodyHash = read.validators.bodyHash;
    forgetOldItems(st, settings.now());
  }
  await settings.state.save();
}

/** Runs `work` over `items`, at most `limit` at a time. */
async function eachLimited<T>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < items.length) {
      const item = items[next++] as T;
      await work(item);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, lane));
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener("abort", done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener("abort", done, { once: true });
  });
}

function roundLine(r: WatchRound): string {
  const parts = [
    `${r.articles} new article(s) (${r.fromPage} from pages, ${r.fromFeed} from feed text)`,
    `${r.events} event(s)`,
  ];
  if (r.alreadyStored) parts.push(`${r.alreadyStored} already stored`);
  if (r.rejected) parts.push(`${r.rejected} rejected`);
  if (r.deferred) parts.push(`${r.deferred} left for later (--max-items)`);
  const feeds = [`${r.changed} changed`, `${r.unchanged} unchanged`];
  if (r.failed) feeds.push(`${r.failed} failed`);
  if (r.backingOff) feeds.push(`${r.backingOff} backing off`);
  return `dyad: watch round ${r.round}: ${parts.join(", ")}; ${r.feeds} feed(s): ${feeds.join(", ")}`;
}

/**
 * Watches RSS/Atom feeds and stores what is new. Each round re-reads the feeds file, fetches every feed (a
 * conditional GET for URLs, a read for local files), and for each item not seen before fetches its page (HTML →
 * article text), falling back to the feed's own text when there is no link or the page fails; then codes the article
 * and writes it to the store (idempotent by article id). Feed errors (unreachable host, HTTP errors, timeouts,
 * malformed XML) are logged one line each and the feed is retried with exponential back-off (one interval, then
 * two, four… up to `maxBackoffSeconds`); the other feeds go on. Only the listed feeds and their items' own links are
 * fetched. The state file remembers seen items (crash-safe: an item is marked pending before its write and seen after
 * it, and pending items are checked against the store on the next start). Aborting `signal` stops after the item in
 * hand; `once` runs a single round.
 *
 * @example
 * const store = await openStore("events.db");
 * const { rounds } = await watchFeeds({ feedsFile: "feeds.txt", store, statePath: "events.db.watch.json", once: true });
 * // rounds[0] → { articles: 12, fromPage: 11, fromFeed: 1, events: 30, failed: 1, … }
 */
export async function watchFeeds(options: WatchOptions): Promise<WatchSummary> {
  const intervalSeconds = options.intervalSeconds ?? 300;
  if (!(intervalSeconds >= 0) || !Number.isFinite(intervalSeconds)) {
    throw new DyadError("USAGE", `the interval must be a number of seconds, not "${intervalSeconds}"`);
  }
  const timeoutMs = (options.timeoutSeconds ?? 20) * 1000;
  if (!(timeoutMs > 0))
    throw new DyadError("USAGE", `the timeout must be above 0, not "${options.timeoutSeconds}"`);
  const signal = options.signal;
  const state = await WatchState.open(options.statePath);
  let coder: WatchCoder | undefined;
  const settings: Settings = {
    store: options.store,
    state,
    intervalMs: intervalSeconds * 1000,
    maxBackoffMs: (options.maxBackoffSeconds ?? 6 * 3600) * 1000,
    feedLimits: { timeoutMs, maxBytes: options.maxFeedBytes ?? 16 * MB, ...(signal ? { signal } : {}) },
    pageLimits: { timeoutMs, maxBytes: options.maxPageBytes ?? 8 * MB, ...(signal ? { signal } : {}) },
    signal,
    log: options.log ?? ((line) => process.stderr.write(`${line}\n`)),
    coder: async () => {
      coder ??= options.code ?? (await import("../pipeline/index.js")).codeArticle;
      return coder;
    },
    now: options.now ?? (() => new Date()),
  };
  const rounds: WatchRound[] = [];
  let list: FeedList | null = null;
  try {
    for (let round = 1; !stopped(settings); round++) {
      try {
        list = await readFeedList(options.feedsFile);
        for (const problem of list.problems) settings.log(`dyad: watch: ${options.feedsFile}: ${problem}`);
      } catch (error) {
        if (list === null) throw error;
        settings.log(`${(error as Error).message}; using the feeds read before`);
      }
      if (list.feeds.length === 0) {
        if (round === 1) throw new DyadError("USAGE", `no feeds listed in "${options.feedsFile}"`);
        settings.log(`dyad: watch: no feeds listed in "${options.feedsFile}"`);
      }
      const tally: Tally = {
        changed: 0,
        unchanged: 0,
        failed: 0,
        backingOff: 0,
        articles: 0,
        alreadyStored: 0,
        fromPage: 0,
        fromFeed: 0,
        events: 0,
        rejected: 0,
        deferred: 0,
        budget: options.maxItems ?? Number.POSITIVE_INFINITY,
      };
      // Feeds are fetched side by side; their items are then read and coded one at a time, so the CPU-bound
      // coder never holds up a request's timer.
      const reads: FeedRead[] = [];
      await eachLimited(list.feeds, options.concurrency ?? 4, async (feed) => {
        if (stopped(settings)) return;
        const read = await fetchFeed(settings, feed, tally);
        if (read) reads.push(read);
      });
      await state.save();
      for (const read of reads) {
        if (stopped(settings)) break;
        try {
          await ingestFeed(settings, read, tally);
        } catch (error) {
          // The store or the state file failed: this feed is tried again next round, the others go on.
          tally.failed++;
          const message = error instanceof Error ? error.message : String(error);
          settings.log(`dyad: watch: feed ${read.feed.ref}: ${message.replace(/^dyad: /, "")}`);
        }
      }
      const { budget: _budget, ...counts } = tally;
      const result: WatchRound = { round, feeds: list.feeds.length, ...counts };
      rounds.push(result);
      settings.log(roundLine(result));
      options.onRound?.(result);
      if (options.once) break;
      await sleep(settings.intervalMs, signal);
    }
  } finally {
    await state.close();
  }
  return { rounds, stopped: stopped(settings) };
}
