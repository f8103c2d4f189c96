/**
 * The batch writer's multi-row inserts (`insertRows`: statements compiled once per shape, values bound straight from
 * the rows), its padded `IN` lists (`idChunks`) and SQLite's prepared-statement cache: each must store exactly what
 * Kysely's own query builder stores, on SQLite and on PostgreSQL.
 */
import assert from "node:assert/strict";
import { after, test } from "node:test";
import BetterSqlite3 from "better-sqlite3";
import { Kysely, SqliteDialect, sql } from "kysely";
import { insertRows, statementSizes } from "../../src/store/insert-rows.js";
import { PostgresBackend } from "../../src/store/postgres-backend.js";
import { StatementCache } from "../../src/store/sqlite-statement-cache.js";
import { idChunks } from "../../src/store/write-coded-batch.js";
import { postgresAvailable, TestDatabases } from "./conformance-stores.js";

const databases = new TestDatabases();
const pgUp = await postgresAvailable();
after(async () => {
  if (pgUp) await databases.dropAll();
});

interface Tables {
  items: { id: number; name: string | null; weight: number | null; note: string | null };
  copies: { id: number; name: string | null; weight: number | null; note: string | null };
}

/** Rows with every kind of value the store writes: integers, floats, text with quotes, empty text, nulls. */
function sampleRows(n: number) {
  return Array.from({ length: n }, (_, i) => ({
    id: i + 1,
    name: i % 7 === 0 ? null : `item ${i} 'quoted' "double"`,
    weight: i % 5 === 0 ? null : i / 3,
    note: i % 3 === 0 ? "" : `n${i}`,
  }));
}

async function createTables(db: Kysely<Tables>): Promise<void> {
  for (const table of ["items", "copies"] as const) {
    await db.schema
      .createTable(table)
      .addColumn("id", "integer", (c) => c.primaryKey())
      .addColumn("name", "text")
      .addColumn("weight", "double precision")
      .addColumn("note", "text")
      .execute();
  }
}

/** Every size around the statement boundaries: none, one, a remainder only, exactly full, full plus a remainder. */
const SIZES = [0, 1, 2, 3, 7, 8, 9, 40, 41, 100, 257];

async function checkSameAsKysely(db: Kysely<Tables>, key: object, maxParameters: number): Promise<void> {
  for (const n of SIZES) {
    await db.deleteFrom("items").execute();
    await db.deleteFrom("copies").execute();
    const rows = sampleRows(n);
    await db.transaction().execute(async (trx) => {
      await insertRows<Tables>(trx, key, "items", rows, maxParameters);
      if (rows.length > 0) await trx.insertInto("copies").values(rows).execute();
    });
    const mine = await db.selectFrom("items").selectAll().orderBy("id").execute();
    const theirs = await db.selectFrom("copies").selectAll().orderBy("id").execute();
    assert.equal(mine.length, n);
    assert.deepEqual(mine, theirs, `${n} rows`);
  }
}

test("statementSizes: full statements, then the remainder in decreasing powers of two", () => {
  assert.deepEqual(statementSizes(0, 10), []);
  assert.deepEqual(statementSizes(10, 10), [10]);
  assert.deepEqual(statementSizes(27, 10), [10, 10, 4, 2, 1]);
  assert.deepEqual(statementSizes(5, 1), [1, 1, 1, 1, 1]);
  for (let total = 0; total < 300; total++) {
    const sizes = statementSizes(total, 40);
    assert.equal(
      sizes.reduce((a, b) => a + b, 0),
      total,
    );
    assert.ok(sizes.every((s) => s === 40 || (s < 40 && (s & (s - 1)) === 0)));
  }
});

test("idChunks pads the last list to a power of two with its last item, never beyond 2000", () => {
  assert.deepEqual(idChunks([]), []);
  assert.deepEqual(idChunks(["a"]), [["a"]]);
  assert.deepEqual(idChunks(["a", "b", "c"]), [["a", "b", "c", "c"]]);
  const many = Array.from({ length: 2000 + 1500 }, (_, i) => i);
  const pieces = idChunks(many);
  assert.deepEqual(
    pieces.map((p) => p.length),
    [2000, 2000],
  );
  assert.deepEqual(new Set(pieces.flat()), new Set(many));
});

test("SQLite: insertRows stores exactly what Kysely's insert stores, for every statement size", async () => {
  const db = new Kysely<Tables>({ dialect: new SqliteDialect({ database: new BetterSqlite3(":memory:") }) });
  try {
    await createTables(db);
    await checkSameAsKysely(db, {}, 4 * 8); // 8 rows per full statement: remainders of every length occur
    await checkSameAsKysely(db, {}, 1); // one row per statement
  } finally {
    await db.destroy();
  }
});

test("PostgreSQL: insertRows stores exactly what Kysely's insert stores", { skip: !pgUp }, async () => {
  const backend = new PostgresBackend(databases.url());
  try {
    await backend.prepare();
    const db = backend.db as unknown as Kysely<Tables>;
    await createTables(db);
    await checkSameAsKysely(db, backend, 4 * 8);
  } finally {
    await backend.close();
  }
});

test("insertRows compiles one statement per shape and reuses it", async () => {
  const sqlite = new BetterSqlite3(":memory:");
  const cache = new StatementCache(sqlite);
  const db = new Kysely<Tables>({ dialect: new SqliteDialect({ database: cache }) });
  try {
    await createTables(db);
    const before = cache.size;
    const key = {};
    for (let round = 0; round < 5; round++) {
      await db.deleteFrom("items").execute();
      await insertRows<Tables>(db, key, "items", sampleRows(8 * 3 + 5), 4 * 8); // sizes 8, 8, 8, 4, 1
    }
    // The delete, and inserts of 8, 4 and 1 rows: prepared once each, whatever the number of batches.
    assert.equal(cache.size - before, 4);
    assert.equal(
      Number((await sql<{ n: number }>`select count(*) as n from items`.execute(db)).rows[0]?.n),
      29,
    );
  } finally {
    await db.destroy();
  }
});

test("StatementCache hands out a fresh statement while the cached one is still iterating", () => {
  const sqlite = new BetterSqlite3(":memory:");
  const cache = new StatementCache(sqlite);
  try {
    sqlite.exec("create table t (x integer); insert into t values (1), (2), (3)");
    const first = cache.prepare("select x from t order by x");
    assert.equal(cache.prepare("select x from t order by x"), first, "reused when idle");
    const outer = first.iterate([]);
    assert.deepEqual(outer.next().value, { x: 1 });
    const inner = cache.prepare("select x from t order by x");
    assert.notEqual(inner, first, "a busy statement is not handed out again");
    assert.deepEqual(inner.all([]), [{ x: 1 }, { x: 2 }, { x: 3 }]);
    assert.deepEqual([...outer], [{ x: 2 }, { x: 3 }]);
  } finally {
    cache.close();
  }
});

test("StatementCache keeps a bounded number of statements", () => {
  const sqlite = new BetterSqlite3(":memory:");
  const cache = new StatementCache(sqlite);
  try {
    for (let i = 0; i < 1000; i++) cache.prepare(`select ${i} as n`);
    assert.ok(cache.size <= 128, `${cache.size} statements kept`);
    assert.deepEqual(cache.prepare("select 999 as n").all([]), [{ n: 999 }]);
  } finally {
    cache.close();
  }
});
