import BetterSqlite3 from "better-sqlite3";
import {
  CompiledQuery,
  type CreateTableBuilder,
  type DatabaseConnection,
  type DialectAdapter,
  type Driver,
  type Expression,
  Kysely,
  type SqlBool,
  SqliteAdapter,
  SqliteDialect,
  type SqliteDialectConfig,
  SqliteDriver,
  sql,
} from "kysely";
import { DyadError } from "../types/errors.js";
import { insertRows } from "./insert-rows.js";
import type { Database } from "./schema.js";
import { StatementCache } from "./sqlite-statement-cache.js";
import { type ArticleText, type SentenceText, type StoreBackend, searchWords } from "./store-backend.js";

/**
 * FTS5 tables: contentless (the text lives in `articles`/`events`) with the row's id kept as an unindexed column, and
 * `detail=none` (no positions: searches are sets of words, never phrases), which keeps indexing cheap.
 */
type FullTextTables = {
  articles_fts: { article_id: string; title: string; body: string };
  events_fts: { event_id: string; sentence: string };
};

/** A MATCH expression from free text: every word quoted, all required. Never passes user syntax through. */
function ftsQuery(q: string): string {
  const words = searchWords(q);
  return words.map((w) => `"${w}"`).join(" ");
}

/** SQLite does run DDL inside transactions; saying so makes a migration killed half-way roll back cleanly. */
class TransactionalDdlAdapter extends SqliteAdapter {
  override get supportsTransactionalDdl(): boolean {
    return true;
  }
}

/**
 * Write transactions take the database's write lock at BEGIN (`BEGIN IMMEDIATE`), so two processes writing the same
 * file queue on `busy_timeout` instead of failing when a read lock cannot be upgraded.
 */
class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw("begin immediate"));
  }
}

class TransactionalSqliteDialect extends SqliteDialect {
  readonly #config: SqliteDialectConfig;

  constructor(config: SqliteDialectConfig) {
    super(config);
    this.#config = config;
  }

  override createAdapter(): DialectAdapter {
    return new TransactionalDdlAdapter();
  }

  override createDriver(): Driver {
    return new ImmediateSqliteDriver(this.#config);
  }
}

/** The embedded store: one SQLite file through better-sqlite3, WAL mode. */
export class SqliteBackend implements StoreBackend {
  readonly name = "sqlite";
  readonly db: Kysely<Database>;
  readonly maxParameters = 30_000;
  /** Short multi-row inserts: each shape is prepared once (`StatementCache`) and binding dominates. */
  readonly insertParameters = 1000;
  readonly #sqlite: BetterSqlite3.Database;

  constructor(path: string) {
    try {
      this.#sqlite = new BetterSqlite3(path);
    } catch (cause) {
      throw new DyadError("STORE", `cannot open SQLite database "${path}": ${(cause as Error).message}`, {
        cause,
      });
    }
    this.db = new Kysely<Database>({
      dialect: new TransactionalSqliteDialect({ database: new StatementCache(this.#sqlite) }),
    });
  }

  async prepare(): Promise<void> {
    // WAL: readers never block the writer; synchronous=NORMAL is durable against process crashes (kill -9),
    // which is what resumable ingest needs, at a fraction of FULL's fsync cost.
    this.#sqlite.pragma("journal_mode = WAL");
    this.#sqlite.pragma("synchronous = NORMAL");
    this.#sqlite.pragma("busy_timeout = 10000");
    this.#sqlite.pragma("cache_size = -65536");
    this.#sqlite.pragma("temp_store = MEMORY");
  }

  /**
   * Tunes this connection for a long-running reader such as the API server: a 256 MB page cache, reads through
   * memory-mapped I/O (up to 2 GB of the file), and planner statistics refreshed where they are missing or stale
   * (`PRAGMA optimize` over every table, as SQLite advises for long-lived connections).
   */
  readMostly(): void {
    this.#sqlite.pragma("cache_size = -262144");
    this.#sqlite.pragma("mmap_size = 2147418112");
    this.#sqlite.pragma("optimize = 0x10002");
  }

  keyOnlyTable<T extends string, C extends string>(
    table: CreateTableBuilder<T, C>,
  ): CreateTableBuilder<T, C> {
    return table.modifyEnd(sql`without rowid`);
  }

  async createFullText(db: Kysely<unknown>): Promise<void> {
    await sql`CREATE VIRTUAL TABLE articles_fts USING fts5(article_id UNINDEXED, title, body, content='', contentless_unindexed=1, detail=none, tokenize='unicode61 remove_diacritics 2')`.execute(
      db,
    );
    await sql`CREATE VIRTUAL TABLE events_fts USING fts5(event_id UNINDEXED, sentence, content='', contentless_unindexed=1, detail=none, tokenize='unicode61 remove_diacritics 2')`.execute(
      db,
    );
  }

  async dropFullText(db: Kysely<unknown>): Promise<void> {
    await sql`DROP TABLE IF EXISTS articles_fts`.execute(db);
    await sql`DROP TABLE IF EXISTS events_fts`.execute(db);
  }

  async indexFullText(
    trx: Kysely<Database>,
    articles: readonly ArticleText[],
    sentences: readonly SentenceText[],
  ): Promise<void> {
    const fts = trx.withTables<FullTextTables>();
    await insertRows(
      fts,
      this,
      "articles_fts",
      articles.map((a) => ({ article_id: a.id, title: a.title ?? "", body: a.text })),
      this.insertParameters,
    );
    await insertRows(
      fts,
      this,
      "events_fts",
      sentences.map((s) => ({ event_id: s.id, sentence: s.sentence })),
      this.insertParameters,
    );
  }

  articleMatches(articleIdColumn: Expression<string>, q: string): Expression<SqlBool> {
    const match = ftsQuery(q);
    if (!match) return sql<SqlBool>`0 = 1`;
    return sql<SqlBool>`${articleIdColumn} IN (SELECT article_id FROM articles_fts WHERE articles_fts MATCH ${match})`;
  }

  sentenceMatches(eventIdColumn: Expression<string>, q: string): Expression<SqlBool> {
    const match = ftsQuery(q);
    if (!match) return sql<SqlBool>`0 = 1`;
    return sql<SqlBool>`${eventIdColumn} IN (SELECT event_id FROM events_fts WHERE events_fts MATCH ${match})`;
  }

  /**
   * Refreshes the planner's statistics for the tables this connection used, where they are missing or the table
   * grew a lot (`PRAGMA optimize`, bounded by SQLite itself), then closes. After an ingest this gives the next
   * reader the statistics its plans depend on.
   */
  async close(): Promise<void> {
    if (this.#sqlite.open && !this.#sqlite.readonly) {
      try {
        this.#sqlite.pragma("optimize");
      } catch {
        // Statistics are an optimisation: a busy or read-only file keeps its old ones.
      }
    }
    await this.db.destroy();
  }
}
