import {
  type Expression,
  type ExpressionBuilder,
  type Kysely,
  type RawBuilder,
  type SqlBool,
  SqliteAdapter,
  sql,
} from "kysely";
import { nextPeriod, periodStart } from "../store/period-start.js";
import type { Database } from "../store/schema.js";
import { DyadError } from "../types/errors.js";
import type { SeriesOptions, SeriesPoint } from "../types/store.js";

/** A series longer than this many periods is refused (the store's limit). */
const MAX_PERIODS = 50_000;

type Eb = ExpressionBuilder<Database, "merged_events">;

function prefixEnd(prefix: string): string {
  return prefix.slice(0, -1) + String.fromCharCode(prefix.charCodeAt(prefix.length - 1) + 1);
}

function directed(eb: Eb, from: string, to: string): Expression<SqlBool> {
  return eb.and([
    eb("merged_events.source_code", ">=", from),
    eb("merged_events.source_code", "<", prefixEnd(from)),
    eb("merged_events.target_code", ">=", to),
    eb("merged_events.target_code", "<", prefixEnd(to)),
  ]);
}

interface Bucket {
  count: number;
  byQuad: { 1: number; 2: number; 3: number; 4: number };
  goldsteinSum: number;
}

/**
 * The dyad series with the store's meaning (`Store.series`: code prefixes, both directions unless `directed`,
 * asserted only unless `statuses`, zero-filled periods), read as one index range per direction. SQLite turns the
 * store's single OR of both directions into a scan of a whole index; two ranges joined with UNION ALL each use
 * a dyad index. Matching rows are summed here rather than grouped in SQL. An event matching both directions (a
 * dyad of overlapping prefixes) is counted once.
 */
export async function dyadSeries(
  db: Kysely<Database>,
  a: string,
  b: string,
  options: SeriesOptions,
): Promise<SeriesPoint[]> {
  if (!a || !b) throw new DyadError("USAGE", `a dyad needs two actor codes, got "${a}" and "${b}"`);
  const statuses = options.statuses && options.statuses.length > 0 ? [...options.statuses] : ["asserted"];
  // On SQLite `+column` keeps the planner off the status and date indexes (most events are asserted; a year holds
  // more events than most dyads): the dyad index leads, and its date column filters the range inside the index.
  const sqlite = db.getExecutor().adapter instanceof SqliteAdapter;
  const status = sql.ref("merged_events.status");
  const date = sql.ref("merged_events.date");
  const plain = <T>(ref: RawBuilder<T>) => (sqlite ? sql<T>`+${ref}` : ref);
  const common = (eb: Eb): Expression<SqlBool>[] => {
    const all: Expression<SqlBool>[] = [eb(plain(status), "in", statuses), eb(plain(date), "is not", null)];
    if (options.from) all.push(eb(plain(date), ">=", options.from));
    if (options.to) all.push(eb(plain(date), "<=", options.to));
    return all;
  };
  // Rows, not GROUP BY: grouping tempts SQLite into walking a (quad, date) index over the whole table.
  const part = (where: (eb: Eb) => Expression<SqlBool>) =>
    db
      .selectFrom("merged_events")
      .select(["merged_events.date as date", "merged_events.quad as quad", "merged_events.goldstein as g"])
      .where(where);
  let query = part((eb) => eb.and([directed(eb, a, b), ...common(eb)]));
  if (!options.directed) {
    // Prefixes that overlap (RUS and RUSGOV) can match one event both ways: count it once.
    const overlap = a.startsWith(b) || b.startsWith(a);
    query = query.unionAll(
      part((eb) =>
        eb.and([directed(eb, b, a), ...(overlap ? [eb.not(directed(eb, a, b))] : []), ...common(eb)]),
      ),
    );
  }
  const rows = await query.execute();

  const buckets = new Map<string, Bucket>();
  for (const row of rows) {
    if (row.date === null) continue;
    const t = periodStart(row.date, options.interval);
    let bucket = buckets.get(t);
    if (!bucket) {
      bucket = { count: 0, byQuad: { 1: 0, 2: 0, 3: 0, 4: 0 }, goldsteinSum: 0 };
      buckets.set(t, bucket);
    }
    bucket.count += 1;
    const quad = Number(row.quad);
    if (quad === 1 || quad === 2 || quad === 3 || quad === 4) bucket.byQuad[quad] += 1;
    bucket.goldsteinSum += Number(row.g ?? 0);
  }
  const starts = [...buckets.keys()].sort();
  const first = options.from ? periodStart(options.from, options.interval) : starts[0];
  const last = options.to ? periodStart(options.to, options.interval) : starts[starts.length - 1];
  if (first === undefined || last === undefined) return [];
  const points: SeriesPoint[] = [];
  for (let t = first; t <= last; t = nextPeriod(t, options.interval)) {
    if (points.length >= MAX_PERIODS) {
      throw new DyadError(
        "USAGE",
        `the range ${first}..${last} holds more than ${MAX_PERIODS} ${options.interval}s`,
      );
    }
    const bucket = buckets.get(t);
    points.push({
      t,
      count: bucket?.count ?? 0,
      byQuad: bucket ? { ...bucket.byQuad } : { 1: 0, 2: 0, 3: 0, 4: 0 },
      goldsteinSum: bucket ? Math.round(bucket.goldsteinSum * 1e6) / 1e6 : 0,
      goldsteinMean:
        bucket && bucket.count > 0 ? Math.round((bucket.goldsteinSum / bucket.count) * 1e6) / 1e6 : null,
    });
  }
  return points;
}
