import {
  CompiledQuery,
  type CreateTableBuilder,
  type DatabaseConnection,
  type Driver,
  type Expression,
  Kysely,
  PostgresDialect,
  type PostgresDialectConfig,
  PostgresDriver,
  type SqlBool,
  sql,
  type TransactionSettings,
} from "kysely";
import pg from "pg";
import { DyadError } from "../types/errors.js";
import type { Database } from "./schema.js";
import type { ArticleText, SentenceText, StoreBackend } from "./store-backend.js";

/**
 * How concurrent writers are kept from interleaving their read-modify-write of story clusters:
 * - `lock` (default): every write transaction takes one advisory lock at BEGIN, so batches from any number of
 *   processes and machines commit one after another; nothing ever has to be retried.
 * - `serializable`: transactions run SERIALIZABLE without the lock; a conflicting batch fails with SQLSTATE 40001 and
 *   the caller must retry it (`isTransientPostgresError` says so). Kept for measurement (bench/scaling.ts).
 */
export type PostgresWriteMode = "lock" | "serializable";

export interface PostgresBackendOptions {
  /** Refuse to create a missing database (for commands that only read). Default false. */
  readonly mustExist?: boolean;
  /** Connections in the pool. Default 4. */
  readonly poolSize?: number;
  readonly writeMode?: PostgresWriteMode;
}

/** Advisory lock key taken by every write transaction: "dyad" in the high 32 bits, 1 in the low. */
const WRITE_LOCK = "7239381059826253825";
/** The full-text index keeps at most this many distinct words per article (a tsvector holds at most 1 MB). */
const MAX_INDEXED_WORDS = 60_000;
/** Longer "words" (base64 blobs, runs of digits) are not indexed; a lexeme may not exceed 2 KB. */
const MAX_WORD_LENGTH = 200;
/** Words of a search beyond this many are ignored (as in `searchWords`). */
const MAX_QUERY_WORDS = 32;

const WORD = /[\p{L}\p{N}\p{M}]+/gu;
const MARKS = /\p{M}+/gu;

/**
 * The distinct words of `text` as the PostgreSQL full-text index stores them: runs of letters and digits, lower-cased,
 * diacritics removed (`Café` → `cafe`), like SQLite's FTS5 `unicode61 remove_diacritics 2` tokenizer. The same
 * function splits search text, so indexing and searching always agree and no PostgreSQL parser or stemmer is involved.
 */
export function fullTextWords(text: string, limit = MAX_INDEXED_WORDS): string[] {
  const words = new Set<string>();
  for (const m of text.normalize("NFC").matchAll(WORD)) {
    const word = m[0].toLowerCase().normalize("NFD").replace(MARKS, "").normalize("NFC");
    if (word.length === 0 || word.length > MAX_WORD_LENGTH) continue;
    words.add(word);
    if (words.size >= limit) break;
  }
  return [...words];
}

/** A tsquery requiring every word of `q`; words hold only letters and digits, so quoting each is safe. */
function allWordsQuery(q: string): string {
  return fullTextWords(q, MAX_QUERY_WORDS)
    .map((w) => `'${w}'`)
    .join(" & ");
}

type FullTextTables = {
  articles_fts: { article_id: string; words: unknown };
  events_fts: { event_id: string; words: unknown };
};

/** `postgres://user:secret@host/db` → `postgres://user:***@host/db`, for messages. */
export function redactUrl(url: string): string {
  return url.replace(/^(\w+:\/\/[^:/@]+:)[^@]*@/, "$1***@");
}

/** SQLSTATE classes and codes worth retrying: the server or network went away, or a transaction lost a race. */
const TRANSIENT_STATES = new Set(["40001", "40P01", "55P03", "57P01", "57P02", "57P03", "53300", "53400"]);
const TRANSIENT_ERRNOS = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "EAI_AGAIN",
]);
const TRANSIENT_MESSAGES =
  /connection terminated|connection timeout|timeout exceeded when trying to connect|server closed the connection|Client has encountered a connection error|Connection ended|not queryable/i;

/**
 * Whether a store error may go away by itself (PostgreSQL restarting, a network cut, a serialization conflict), so
 * the same write should be tried again later, as opposed to a bug or misconfiguration (bad password, missing table).
 */
export function isTransientPostgresError(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 5; depth++) {
    const { code, message } = e as { code?: unknown; message?: unknown };
    if (typeof code === "string") {
      if (TRANSIENT_STATES.has(code) || TRANSIENT_ERRNOS.has(code) || code.startsWith("08")) return true;
    }
    if (typeof message === "string" && TRANSIENT_MESSAGES.test(message)) return true;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}

/** Write transactions queue on one advisory lock taken at BEGIN (see `PostgresWriteMode`). */
class SerialWriteDriver extends PostgresDriver {
  override async beginTransaction(
    connection: DatabaseConnection,
    settings: TransactionSettings,
  ): Promise<void> {
    await super.beginTransaction(connection, settings);
    await connection.executeQuery(
      CompiledQuery.raw("select pg_advisory_xact_lock($1::bigint)", [WRITE_LOCK]),
    );
  }
}

class SerialWriteDialect extends PostgresDialect {
  readonly #config: PostgresDialectConfig;

  constructor(config: PostgresDialectConfig) {
    super(config);
    this.#config = config;
  }

  override createDriver(): Driver {
    return new SerialWriteDriver(this.#config);
  }
}

function databaseName(url: URL): string {
  return decodeURIComponent(url.pathname.replace(/^\//, ""));
}

/**
 * The shared store: a PostgreSQL database through `pg` and Kysely's PostgresDialect, for many ingest processes and
 * machines writing at once. Same tables and migrations as SQLite; full text through `tsvector` columns with GIN
 * indexes, filled from `fullTextWords` so searches match exactly what SQLite's FTS5 matches. A missing database is
 * created on first open (unless `mustExist`).
 *
 * @example
 * const store = new KyselyStore(new PostgresBackend("postgres://dyad@db.example/events"));
 */
export class PostgresBackend implements StoreBackend {
  readonly name = "postgres";
  readonly db: Kysely<Database>;
  /** PostgreSQL accepts 65,535 bound parameters per statement. */
  readonly maxParameters = 60_000;
  readonly #url: string;
  readonly #options: PostgresBackendOptions;
  readonly #pool: pg.Pool;

  constructor(url: string, options: PostgresBackendOptions = {}) {
    this.#url = url;
    this.#options = options;
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch (cause) {
      throw new DyadError("USAGE", `not a PostgreSQL URL: "${redactUrl(url)}"`, { cause });
    }
    if (!databaseName(parsed)) {
      throw new DyadError("USAGE", `no database name in "${redactUrl(url)}" (postgres://host/DATABASE)`);
    }
    const serializable = options.writeMode === "serializable";
    this.#pool = new pg.Pool({
      connectionString: url,
      max: options.poolSize ?? 4,
      connectionTimeoutMillis: 10_000,
      keepAlive: true,
      // A writer cut off mid-transaction (network partition, frozen machine) would hold the write lock until TCP
      // gives up, hours later; the server ends such a session after a minute instead. Batches never idle that long.
      options: [
        "-c idle_in_transaction_session_timeout=60000",
        serializable ? "-c default_transaction_isolation=serializable" : "",
      ]
        .join(" ")
        .trim(),
    });
    // A connection dropped by the server or the network must not crash the process, whether it is idle in the pool
    // or checked out between two queries; the next query on it fails and reports the problem.
    this.#pool.on("error", () => undefined);
    this.#pool.on("connect", (client) => client.on("error", () => undefined));
    const config: PostgresDialectConfig = { pool: this.#pool };
    this.db = new Kysely<Database>({
      dialect: serializable ? new PostgresDialect(config) : new SerialWriteDialect(config),
    });
  }

  /** Checks the connection, creating the database first if it is missing (and allowed). */
  async prepare(): Promise<void> {
    try {
      await sql`select 1`.execute(this.db);
      return;
    } catch (error) {
      if ((error as { code?: string }).code !== "3D000") throw this.#openError(error);
      if (this.#options.mustExist) {
        throw new DyadError("STORE", `no database at "${redactUrl(this.#url)}"`, { cause: error });
      }
    }
    await this.#createDatabase();
    try {
      await sql`select 1`.execute(this.db);
    } catch (error) {
      throw this.#openError(error);
    }
  }

  #openError(error: unknown): DyadError {
    const reason = (error as Error).message || String((error as { code?: string }).code ?? error);
    return new DyadError("STORE", `cannot open PostgreSQL database "${redactUrl(this.#url)}": ${reason}`, {
      cause: error,
    });
  }

  async #createDatabase(): Promise<void> {
    const target = new URL(this.#url);
    const name = databaseName(target);
    let lastError: unknown;
    for (const maintenance of ["postgres", "template1"]) {
      const admin = new URL(this.#url);
      admin.pathname = `/${maintenance}`;
      const client = new pg.Client({ connectionString: admin.toString(), connectionTimeoutMillis: 10_000 });
      client.on("error", () => undefined);
      try {
        await client.connect();
        await client.query(`CREATE DATABASE ${pg.escapeIdentifier(name)}`);
        return;
      } catch (error) {
        // 42P04: another process created it first.
        if ((error as { code?: string }).code === "42P04") return;
        lastError = error;
      } finally {
        await client.end().catch(() => undefined);
      }
    }
    throw new DyadError(
      "STORE",
      `database "${name}" does not exist and could not be created at "${redactUrl(this.#url)}": ${(lastError as Error)?.message}`,
      { cause: lastError },
    );
  }

  keyOnlyTable<T extends string, C extends string>(
    table: CreateTableBuilder<T, C>,
  ): CreateTableBuilder<T, C> {
    return table;
  }

  async createFullText(db: Kysely<unknown>): Promise<void> {
    await sql`CREATE TABLE articles_fts (article_id text PRIMARY KEY, words tsvector NOT NULL)`.execute(db);
    await sql`CREATE INDEX articles_fts_words ON articles_fts USING gin (words)`.execute(db);
    await sql`CREATE TABLE events_fts (event_id text PRIMARY KEY, words tsvector NOT NULL)`.execute(db);
    await sql`CREATE INDEX events_fts_words ON events_fts USING gin (words)`.execute(db);
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
    const words = (text: string) => sql`array_to_tsvector(${fullTextWords(text)}::text[])`;
    for (let i = 0; i < articles.length; i += 500) {
      const chunk = articles.slice(i, i + 500);
      await fts
        .insertInto("articles_fts")
        .values(chunk.map((a) => ({ article_id: a.id, words: words(`${a.title ?? ""}\n${a.text}`) })))
        .onConflict((oc) => oc.column("article_id").doNothing())
        .execute();
    }
    for (let i = 0; i < sentences.length; i += 5000) {
      const chunk = sentences.slice(i, i + 5000);
      await fts
        .insertInto("events_fts")
        .values(chunk.map((s) => ({ event_id: s.id, words: words(s.sentence) })))
        .onConflict((oc) => oc.column("event_id").doNothing())
        .execute();
    }
  }

  articleMatches(articleIdColumn: Expression<string>, q: string): Expression<SqlBool> {
    const query = allWordsQuery(q);
    if (!query) return sql<SqlBool>`false`;
    return sql<SqlBool>`${articleIdColumn} IN (SELECT article_id FROM articles_fts WHERE words @@ ${query}::tsquery)`;
  }

  sentenceMatches(eventIdColumn: Expression<string>, q: string): Expression<SqlBool> {
    const query = allWordsQuery(q);
    if (!query) return sql<SqlBool>`false`;
    return sql<SqlBool>`${eventIdColumn} IN (SELECT event_id FROM events_fts WHERE words @@ ${query}::tsquery)`;
  }

  async close(): Promise<void> {
    await this.db.destroy();
  }
}
