import type { Rejected } from "./article.js";
import type { EventRecord, ModalityStatus } from "./event.js";

/** Filters shared by the CLI, the HTTP API and exports. All optional; absent means "any". */
export interface EventFilter {
  /** Actor code prefix of the source (`RUS` matches `RUSGOV`, `RUSMIL`). */
  readonly source?: string;
  readonly target?: string;
  /** Either side. */
  readonly actor?: string;
  /** Events between two actors in either direction (code prefixes, like `source`/`target`). */
  readonly dyad?: readonly [string, string];
  readonly root?: string;
  readonly code?: string;
  readonly quad?: 1 | 2 | 3 | 4;
  /** Default for aggregates: asserted only. */
  readonly status?: readonly ModalityStatus[];
  /** Inclusive `YYYY-MM-DD`. */
  readonly from?: string;
  readonly to?: string;
  /** Full-text search over the evidence sentence and article text (title and clean text of any telling's article). */
  readonly q?: string;
  /** Full-text search over the evidence sentences only (any telling). */
  readonly sentence?: string;
  /** Events with a telling in this article. */
  readonly articleId?: string;
  /** Default 100 for `events()`; ignored by `streamEvents()`. */
  readonly limit?: number;
  readonly offset?: number;
}

/** Options of `Store.events` beyond the filter. */
export interface EventsOptions {
  /**
   * Stop counting matches here: `total` is then at most this number and `totalExact` false when more match. Default:
   * count them all. Counting a broad filter exactly at millions of events costs more than finding its page.
   */
  readonly countUpTo?: number;
}

/** One page of de-duplicated events. */
export interface EventPage {
  /** Events matching the filter (ignoring paging), exact unless counting stopped at `countUpTo`. */
  readonly total: number;
  /** False when counting stopped at `countUpTo` and `total` is a lower bound. */
  readonly totalExact: boolean;
  readonly events: StoredEvent[];
}

/** A de-duplicated event: the record of its first (lowest-id) telling, with GDELT-like counts over all tellings. */
export interface StoredEvent extends EventRecord {
  readonly clusterId: string;
  /** How many times the event was told (evidence links) across all articles. */
  readonly mentions: number;
  /** How many distinct outlets/sources told it. */
  readonly sources: number;
  /** How many distinct articles told it. */
  readonly articles: number;
}

export interface StoredArticle {
  readonly id: string;
  readonly url: string | null;
  readonly published: string | null;
  readonly title: string | null;
  readonly source: string;
  readonly rawText: string;
  readonly cleanText: string;
  readonly clusterId: string;
}

export type Interval = "day" | "week" | "month";

export interface SeriesPoint {
  /** Start of the period, `YYYY-MM-DD`. */
  readonly t: string;
  readonly count: number;
  readonly byQuad: { readonly 1: number; readonly 2: number; readonly 3: number; readonly 4: number };
  readonly goldsteinSum: number;
  readonly goldsteinMean: number | null;
}

/** What one coded article contributes to the store. `article.clusterId` is ignored on write (the store computes it). */
export interface CodedArticleRow {
  readonly article: StoredArticle;
  readonly events: readonly EventRecord[];
  /** MinHash signature of `article.cleanText` (`minhashSignature`), when already computed (e.g. in a worker). */
  readonly signature?: Uint32Array;
}

export interface SeriesOptions {
  readonly interval: Interval;
  /** Inclusive `YYYY-MM-DD`. */
  readonly from?: string;
  readonly to?: string;
  /** Default: asserted only. */
  readonly statuses?: readonly ModalityStatus[];
  /** Only events from `a` toward `b`; default both directions. */
  readonly directed?: boolean;
}

/** Options of a single actor's series (`Store.actorSeries`): the dyad options without a direction. */
export type ActorSeriesOptions = Omit<SeriesOptions, "directed">;

export interface StoreCounts {
  readonly articles: number;
  /** Every coded event (telling) before merging. */
  readonly events: number;
  readonly mergedEvents: number;
  /** Story clusters, single-article ones included. */
  readonly clusters: number;
  readonly rejects: number;
}

export type { Rejected };
