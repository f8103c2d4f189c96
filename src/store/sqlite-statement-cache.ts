import type BetterSqlite3 from "better-sqlite3";
import type { SqliteDatabase, SqliteStatement } from "kysely";

/** Prepared statements kept per connection; the least recently used one is dropped beyond this. */
const CACHED_STATEMENTS = 128;
/** Longer statements (one-off queries with huge `IN` lists) are prepared each time and not kept. */
const MAX_CACHED_SQL = 64 * 1024;

/**
 * The better-sqlite3 database as Kysely's SQLite driver sees it, with prepared statements reused: Kysely prepares
 * every query it runs, and preparing (parsing and planning) costs as much as running a multi-row insert. A statement
 * with the same SQL text is handed out again unless it is still iterating (a stream in progress), in which case a
 * fresh one is prepared. SQLite re-prepares a cached statement by itself when the schema changes.
 */
export class StatementCache implements SqliteDatabase {
  readonly #db: BetterSqlite3.Database;
  readonly #statements = new Map<string, BetterSqlite3.Statement>();

  constructor(db: BetterSqlite3.Database) {
    this.#db = db;
  }

  /** Statements currently kept. */
  get size(): number {
    return this.#statements.size;
  }

  prepare(sql: string): SqliteStatement {
    if (sql.length > MAX_CACHED_SQL) return this.#db.prepare(sql);
    const cached = this.#statements.get(sql);
    if (cached) {
      if (cached.busy) return this.#db.prepare(sql);
      // Most recently used last: Map iteration order is insertion order.
      this.#statements.delete(sql);
      this.#statements.set(sql, cached);
      return cached;
    }
    const statement = this.#db.prepare(sql);
    this.#statements.set(sql, statement);
    if (this.#statements.size > CACHED_STATEMENTS) {
      const oldest = this.#statements.keys().next().value as string;
      this.#statements.delete(oldest);
    }
    return statement;
  }

  close(): void {
    this.#statements.clear();
    this.#db.close();
  }
}
