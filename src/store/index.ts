/**
 * The store: where coded articles, their events, story clusters and rejects are kept. Input: batches of coded
 * articles (`CodedArticleRow`) and rejects; output: de-duplicated events, dyad series and articles for the CLI, the
 * API and exports. Schema and queries are written once with Kysely (migrations in code); everything specific to a
 * database engine (SQLite pragmas, FTS5) sits behind `StoreBackend`. Writes are idempotent and order-independent,
 * so resumed and parallel ingests end with the same contents.
 */
export { codedArticleRow } from "./coded-article-row.js";
export { eventRecord, eventRow } from "./event-row.js";
export { KyselyStore } from "./kysely-store.js";
export {
  type CodeLists,
  type ConditionOptions,
  type FilterPart,
  filterParts,
  mergedEventConditions,
  prefixCodes,
  prefixEnd,
  resolveCodeLists,
} from "./merged-event-conditions.js";
export { storeMigrationProvider, storeMigrations } from "./migrations.js";
export { type OpenStoreOptions, openStore } from "./open-store.js";
export { nextPeriod, periodStart } from "./period-start.js";
export { PostgresBackend } from "./postgres-backend.js";
export type {
  ArticleBandsTable,
  ArticlesTable,
  ClustersTable,
  Database,
  EventsTable,
  MergedEventsTable,
  RejectsTable,
} from "./schema.js";
export { SqliteBackend } from "./sqlite-backend.js";
export type { Store, StoredTelling } from "./store.js";
export { type ArticleText, type SentenceText, type StoreBackend, searchWords } from "./store-backend.js";
export { storedEventsById } from "./stored-events-by-id.js";
export { type BatchOutcome, type CodedBatch, rejectId, writeCodedBatch } from "./write-coded-batch.js";
