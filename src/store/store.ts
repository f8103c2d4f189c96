import type { Kysely } from "kysely";
import type { Rejected } from "../types/article.js";
import type { EventRecord } from "../types/event.js";
import type {
  ActorSeriesOptions,
  EventFilter,
  EventPage,
  EventsOptions,
  SeriesOptions,
  SeriesPoint,
  StoreCounts,
  StoredArticle,
  StoredEvent,
} from "../types/store.js";
import type { Database } from "./schema.js";
import type { BatchOutcome, CodedBatch } from "./write-coded-batch.js";

/** One telling of an event as stored: the record found in one article, and the merged event it counts toward. */
export interface StoredTelling extends EventRecord {
  readonly mergedId: string;
}

/**
 * Where coded articles and their events live. Dialect-neutral and async: the SQLite backend is the default, a
 * PostgreSQL backend plugs in behind the same interface. All writes go through `writeBatch`, which is idempotent.
 */
export interface Store {
  /** The Kysely instance, typed with the shared schema, for read queries not covered here. */
  readonly db: Kysely<Database>;
  /** Backend name: `sqlite`, later `postgres`. */
  readonly dialect: string;
  /** Brings the schema up to date (run by `openStore`; safe to call again). */
  migrate(): Promise<void>;
  /** Which of these article ids are already stored. */
  knownArticleIds(ids: readonly string[]): Promise<Set<string>>;
  /** Stores coded articles and rejects in one transaction; articles already stored are skipped. */
  writeBatch(batch: CodedBatch): Promise<BatchOutcome>;
  /**
   * De-duplicated events matching the filter, newest first (undated last), then by id; `total` ignores paging and
   * is exact unless `options.countUpTo` stops the count.
   */
  events(filter?: EventFilter, options?: EventsOptions): Promise<EventPage>;
  /** Every de-duplicated event matching the filter (no paging), by id. */
  streamEvents(filter?: EventFilter): AsyncIterable<StoredEvent>;
  /** Every telling of one merged event, or every telling found in one article, in article then text order. */
  tellings(by: { readonly mergedId: string } | { readonly articleId: string }): Promise<StoredTelling[]>;
  /**
   * Events between actors `a` and `b` per period (code prefixes: `RUS` matches `RUSGOV`), counted once per merged
   * event: by quad class, Goldstein sum and mean. Asserted events only unless `statuses` says otherwise; both
   * directions unless `directed`. Periods without events inside the range are returned with zero counts.
   */
  series(a: string, b: string, options: SeriesOptions): Promise<SeriesPoint[]>;
  /**
   * Events of one actor (a code prefix) on either side, per period, counted like `series`: an event between two
   * actors that both match counts once.
   */
  actorSeries(actor: string, options: ActorSeriesOptions): Promise<SeriesPoint[]>;
  article(id: string): Promise<StoredArticle | null>;
  rejects(): Promise<Rejected[]>;
  counts(): Promise<StoreCounts>;
  close(): Promise<void>;
}
