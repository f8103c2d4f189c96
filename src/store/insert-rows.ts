import { CompiledQuery, type Kysely } from "kysely";

/**
 * Multi-row INSERTs compiled once per shape and reused. Building an INSERT of a few thousand rows with Kysely's query
 * builder parses and visits every value, and a statement of a new length must be parsed again by the engine; a batch
 * write spent more time on that than on storing the rows. Here a table's rows go out in statements of a fixed number
 * of rows (`rowsPerStatement`), the rest in power-of-two pieces, so one table only ever needs a handful of distinct
 * statements: their SQL is compiled by Kysely (for the right dialect) the first time and kept, and the values are
 * bound straight from the rows. The SQLite backend also keeps the prepared statements (see `StatementCache`).
 */

/** Any table of any schema: rows are plain column → value records here. */
type LooseTables = Record<string, Record<string, unknown>>;

/** Compiled SQL per database handle, keyed by table, columns and row count. */
const compiledByDb = new WeakMap<object, Map<string, string>>();

function largestPowerOfTwoAtMost(n: number): number {
  let p = 1;
  while (p * 2 <= n) p *= 2;
  return p;
}

/**
 * Row counts of the statements `insertRows` sends for `total` rows: as many `full` ones as fit, then the remainder in
 * decreasing powers of two (so at most `1 + log2(full)` distinct lengths ever occur).
 */
export function statementSizes(total: number, full: number): number[] {
  const sizes: number[] = [];
  let left = total;
  while (left >= full) {
    sizes.push(full);
    left -= full;
  }
  while (left > 0) {
    const n = largestPowerOfTwoAtMost(left);
    sizes.push(n);
    left -= n;
  }
  return sizes;
}

function compiledInsert(
  db: Kysely<LooseTables>,
  key: object,
  table: string,
  columns: readonly string[],
  rows: number,
): string {
  let cache = compiledByDb.get(key);
  if (!cache) {
    cache = new Map();
    compiledByDb.set(key, cache);
  }
  const id = `${table}\u0000${columns.join("\u0000")}\u0000${rows}`;
  let sql = cache.get(id);
  if (sql === undefined) {
    // Distinct placeholder values, so no compiler can fold two parameters into one.
    let next = 0;
    const values = Array.from({ length: rows }, () =>
      Object.fromEntries(columns.map((column) => [column, `p${next++}`])),
    );
    const compiled = db.insertInto(table).values(values).compile();
    const expected = compiled.parameters.map((p) => Number(String(p).slice(1)));
    if (expected.length !== rows * columns.length || expected.some((p, i) => p !== i)) {
      throw new Error(`insertRows: unexpected parameter order compiling an insert into "${table}"`);
    }
    sql = compiled.sql;
    cache.set(id, sql);
  }
  return sql;
}

/**
 * Inserts `rows` (objects with the same keys: the first row's keys name the columns) into `table` inside the caller's
 * transaction, in statements of at most `maxParameters` bound values. `cacheKey` names the database the compiled SQL
 * is kept for (the backend: a transaction's handle changes every time, its dialect does not). An `undefined` value is
 * stored as NULL.
 */
export async function insertRows<DB>(
  trx: Kysely<DB>,
  cacheKey: object,
  table: keyof DB & string,
  rows: readonly Readonly<Record<string, unknown>>[],
  maxParameters: number,
): Promise<void> {
  const first = rows[0];
  if (first === undefined) return;
  const db = trx as unknown as Kysely<LooseTables>;
  const columns = Object.keys(first);
  const width = columns.length;
  const full = Math.max(1, Math.floor(maxParameters / width));
  let at = 0;
  for (const n of statementSizes(rows.length, full)) {
    const sql = compiledInsert(db, cacheKey, table, columns, n);
    const parameters: unknown[] = new Array(n * width);
    let k = 0;
    for (let r = at; r < at + n; r++) {
      const row = rows[r] as Readonly<Record<string, unknown>>;
      for (let c = 0; c < width; c++) parameters[k++] = row[columns[c] as string] ?? null;
    }
    await db.executeQuery(CompiledQuery.raw(sql, parameters));
    at += n;
  }
}
