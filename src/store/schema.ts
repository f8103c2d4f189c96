/**
 * The store's tables as Kysely sees them (snake_case columns). Shared by every dialect; dialect-only objects such
 * as SQLite's FTS5 tables are not listed here (see `StoreBackend`). Read queries elsewhere (src/analyze, the API)
 * use `store.db` typed with `Database`.
 */
export interface ArticlesTable {
  readonly id: string;
  readonly url: string | null;
  /** `YYYY-MM-DD` or null. */
  readonly published: string | null;
  readonly title: string | null;
  /** File path, with `:line` for JSONL. */
  readonly source: string;
  /** Outlet for the `sources` count (see `articleOutlet`). */
  readonly outlet: string;
  readonly raw_text: string;
  readonly clean_text: string;
  /** Story cluster: the smallest article id among the near-duplicates this article is linked to. */
  cluster_id: string;
  /** MinHash signature of the clean text, base64 (see `encodeSignature`). */
  readonly signature: string;
}

/** LSH buckets: one row per (band key, article). */
export interface ArticleBandsTable {
  /** `lshBandKeys` value: band × 2³² + hash (a bigint column; PostgreSQL drivers may return it as a string). */
  readonly band_key: number | string;
  readonly article_id: string;
}

/** Story clusters (including single-article ones), recomputed whenever a cluster gains articles. */
export interface ClustersTable {
  readonly id: string;
  readonly size: number;
  readonly first_published: string | null;
  readonly last_published: string | null;
}

/** Every coded event as found in one article (a "telling"), flattened from `EventRecord`. */
export interface EventsTable {
  readonly id: string;
  readonly article_id: string;
  /** The merged event this telling belongs to (`merged_events.id`). */
  merged_id: string;
  readonly date: string | null;
  readonly source_code: string;
  readonly source_country: string | null;
  readonly source_sector: string | null;
  readonly source_name: string;
  readonly source_text: string;
  readonly source_start: number;
  readonly source_end: number;
  readonly target_code: string | null;
  readonly target_country: string | null;
  readonly target_sector: string | null;
  readonly target_name: string | null;
  readonly target_text: string | null;
  readonly target_start: number | null;
  readonly target_end: number | null;
  readonly cameo_code: string;
  readonly cameo_root: string;
  readonly cameo_name: string;
  readonly quad: number;
  readonly goldstein: number;
  readonly plover_type: string | null;
  readonly plover_mode: string | null;
  readonly plover_context: string | null;
  readonly status: string;
  /** JSON array of cue strings. */
  readonly cues: string;
  readonly speaker_code: string | null;
  readonly speaker_name: string | null;
  readonly quote_text: string | null;
  readonly quote_start: number | null;
  readonly quote_end: number | null;
  readonly location_name: string | null;
  readonly location_country: string | null;
  readonly location_lat: number | null;
  readonly location_lon: number | null;
  readonly location_how: string | null;
  readonly sentence: string;
  readonly sentence_start: number;
  readonly sentence_end: number;
  readonly trigger_start: number;
  readonly trigger_end: number;
  readonly pattern: string;
  readonly confidence: number;
}

/**
 * De-duplicated events: one row per merged event, keyed by its canonical telling's id, with the fields queries
 * filter and aggregate on copied from that telling, and the counts over all tellings.
 */
export interface MergedEventsTable {
  readonly id: string;
  readonly cluster_id: string;
  /** Article of the canonical telling. */
  readonly article_id: string;
  readonly date: string | null;
  readonly source_code: string;
  readonly source_country: string | null;
  readonly target_code: string | null;
  readonly target_country: string | null;
  readonly cameo_code: string;
  readonly cameo_root: string;
  readonly quad: number;
  readonly goldstein: number;
  readonly status: string;
  readonly mentions: number;
  readonly sources: number;
  readonly articles: number;
}

export interface RejectsTable {
  /** sha1 of path, line and reason: the same reject reported twice is stored once. */
  readonly id: string;
  readonly path: string;
  readonly line: number | null;
  readonly reason: string;
}

export interface Database {
  articles: ArticlesTable;
  article_bands: ArticleBandsTable;
  clusters: ClustersTable;
  events: EventsTable;
  merged_events: MergedEventsTable;
  rejects: RejectsTable;
}
