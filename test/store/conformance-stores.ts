/**
 * Stores for the conformance suite and the queue tests: fresh SQLite files and fresh PostgreSQL databases (on the
 * server at 127.0.0.1:5432, trust auth), plus a canonical dump that reads any store through Kysely, so two stores of
 * either engine with the same contents dump to the same string.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "kysely";
import pg from "pg";
import type { Store } from "../../src/store/index.js";

/** The PostgreSQL server tests use; override with DYAD_TEST_PG (a URL to any existing database). */
export const TEST_PG = process.env.DYAD_TEST_PG ?? "postgres://postgres@127.0.0.1:5432/test";

async function canConnect(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  client.on("error", () => undefined);
  try {
    await client.connect();
    await client.query("select 1");
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Whether PostgreSQL answers, starting the local cluster once if it does not (as the CI image allows). */
export async function postgresAvailable(): Promise<boolean> {
  if (await canConnect(TEST_PG)) return true;
  try {
    const versions = readdirSync("/etc/postgresql");
    for (const version of versions) {
      execFileSync("pg_ctlcluster", ["--skip-systemctl-redirect", version, "main", "start"], {
        stdio: "ignore",
        timeout: 30_000,
      });
    }
  } catch {
    return false;
  }
  for (let i = 0; i < 20; i++) {
    if (await canConnect(TEST_PG)) return true;
    await new Promise((r) => setTimeout(r, 500));
  }
  return false;
}

/**
 * Hands out URLs of databases that do not exist yet (the PostgreSQL backend creates them on first open), all named
 * after this run, and drops every one of them at the end.
 */
export class TestDatabases {
  readonly #prefix = `dyad_test_${process.pid}_${Date.now().toString(36)}`;
  #n = 0;

  url(): string {
    const url = new URL(TEST_PG);
    url.pathname = `/${this.#prefix}_${this.#n++}`;
    return url.toString();
  }

  async dropAll(): Promise<void> {
    const client = new pg.Client({ connectionString: TEST_PG });
    await client.connect();
    try {
      const { rows } = await client.query<{ datname: string }>(
        "SELECT datname FROM pg_database WHERE datname LIKE $1",
        [`${this.#prefix}\\_%`],
      );
      for (const { datname } of rows) {
        await client.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(datname)} WITH (FORCE)`);
      }
    } finally {
      await client.end();
    }
  }
}

/** Fresh SQLite files in one temporary folder, removed at the end. */
export class TestFiles {
  readonly #dir = mkdtempSync(join(tmpdir(), "dyad-conformance-"));
  #n = 0;

  path(): string {
    return join(this.#dir, `store-${this.#n++}.db`);
  }

  removeAll(): void {
    rmSync(this.#dir, { recursive: true, force: true });
  }
}

const TABLES = ["articles", "article_bands", "clusters", "events", "merged_events", "rejects"] as const;

/** bigint columns come back from PostgreSQL as strings; everything else already agrees across engines. */
function canonicalRow(row: Record<string, unknown>): string {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(row)) out[k] = k === "band_key" ? Number(v) : v;
  return JSON.stringify(out);
}

/**
 * A canonical dump of any store: every table's rows as sorted JSON lines, the ids in both full-text indexes and the
 * applied migrations. Equal strings mean equal contents, whatever the engine and the order rows were written in.
 */
export async function dumpAnyStore(store: Store): Promise<string> {
  const out: string[] = [];
  for (const table of TABLES) {
    const rows = (await store.db.selectFrom(table).selectAll().execute()) as Record<string, unknown>[];
    const lines = rows.map(canonicalRow).sort();
    out.push(`# ${table} (${lines.length})`);
    for (const line of lines) out.push(line);
  }
  for (const [table, column] of [
    ["articles_fts", "article_id"],
    ["events_fts", "event_id"],
  ] as const) {
    const { rows } = await sql<{
      id: string;
    }>`SELECT ${sql.ref(column)} AS id FROM ${sql.table(table)}`.execute(store.db);
    const ids = rows.map((r) => r.id).sort();
    out.push(`# ${table} (${ids.length})`);
    for (const id of ids) out.push(id);
  }
  const { rows } = await sql<{ name: string }>`SELECT name FROM kysely_migration`.execute(store.db);
  out.push("# migrations", ...rows.map((r) => r.name).sort());
  return out.join("\n");
}
