import { type ExpressionBuilder, Migrator, sql } from "kysely";
import type { Rejected } from "../types/article.js";
import { DyadError } from "../types/errors.js";
import type { ModalityStatus } from "../types/event.js";
import type {
  ActorSeriesOptions,
  EventFilter,
  EventPage,
  EventsOptions,
  Interval,
  SeriesOptions,
  SeriesPoint,
  StoreCounts,
  StoredArticle,
  StoredEvent,
} from "../types/store.js";
import { eventRecord } from "./event-row.js";
import {
  type CodeLists,
  type FilterPart,
  filterParts,
  mergedEventConditions,
  resolveCodeLists,
} from "./merged-event-conditions.js";
import { storeMigrationProvider } from "./migrations.js";
import { nextPeriod, periodStart } from "./period-start.js";
import type { Database } from "./schema.js";
import type { Store, StoredTelling } from "./store.js";
import type { StoreBackend } from "./store-backend.js";
import { storedEventsById } from "./stored-events-by-id.js";
import { type BatchOutcome, type CodedBatch, writeCodedBatch } from "./write-coded-batch.js";

type Eb = ExpressionBuilder<Database, "merged_events">;

const DEFAULT_LIMIT = 100;
const STREAM_PAGE = 1000;
/** A series longer than this many periods is refused (ask for a coarser interval or a shorter range). */
const MAX_PERIODS = 50_000;
/** How long the table size used to plan event pages is reused before it is counted again. */
const ROW_COUNT_TTL_MS = 30_000;

/** One day of a series: events, per quad class, and their Goldstein sum (engines may return numbers as strings). */
interface DayRow {
  readonly date: string | null;
  readonly n: number | string | bigint;
  readonly q1: number | string | bigint | null;
  readonly q2: number | string | bigint | null;
  readonly q3: number | string | bigint | null;
  readonly q4: number | string | bigint | null;
  readonly g: number | string | null;
}

/** Sums day rows into periods from `from` (or the first event) to `to` (or the last), empty periods included. */
function seriesPoints(
  rows: readonly DayRow[],
  options: { readonly interval: Interval; readonly from?: string; readonly to?: string },
): SeriesPoint[] {
  interface Bucket {
    count: number;
    byQuad: { 1: number; 2: number; 3: number; 4: number };
    goldsteinSum: number;
  }
  const buckets = new Map<string, Bucket>();
  const starts = new Map<string, string>();
  for (const row of rows) {
    if (row.date === null) continue;
    let t = starts.get(row.date);
    if (t === undefined) {
      t = periodStart(row.date, options.interval);
      starts.set(row.date, t);
    }
    let bucket = buckets.get(t);
    if (!bucket) {
      bucket = { count: 0, byQuad: { 1: 0, 2: 0, 3: 0, 4: 0 }, goldsteinSum: 0 };
      buckets.set(t, bucket);
    }
    bucket.count += Number(row.n);
    bucket.byQuad[1] += Number(row.q1 ?? 0);
    bucket.byQuad[2] += Number(row.q2 ?? 0);
    bucket.byQuad[3] += Number(row.q3 ?? 0);
    bucket.byQuad[4] += Number(row.q4 ?? 0);
    bucket.goldsteinSum += Number(row.g ?? 0);
  }
  const periods = [...buckets.keys()].sort();
  const first = options.from ? periodStart(options.from, options.interval) : periods[0];
  const last = options.to ? periodStart(options.to, options.interval) : periods[periods.length - 1];
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

/** The `Store` over any Kysely backend; everything dialect-specific is delegated to `StoreBackend`. */
export class KyselyStore implements Store {
  readonly #backend: StoreBackend;
  /** Writes are serialised: one batch transaction at a time. */
  #writing: Promise<unknown> = Promise.resolve();
  /** The table size last counted (see `#rowCount`). */
  #rows: { at: number; n: number } | null = null;

  constructor(backend: StoreBackend) {
    this.#backend = backend;
  }

  get db() {
    return this.#backend.db;
  }

  get dialect(): string {
    return this.#backend.name;
  }

  async migrate(): Promise<void> {
    const migrator = new Migrator({ db: this.db, provider: storeMigrationProvider(this.#backend) });
    const { error, results } = await migrator.migrateToLatest();
    if (error) {
      const failed = results?.find((r) => r.status === "Error")?.migrationName ?? "?";
      throw new DyadError("STORE", `migration "${failed}" failed: ${(error as Error).message ?? error}`, {
        cause: error,
      });
    }
  }

  async knownArticleIds(ids: readonly string[]): Promise<Set<string>> {
    const known = new Set<string>();
    for (let i = 0; i < ids.length; i += 2000) {
      const chunk = ids.slice(i, i + 2000);
      if (chunk.length === 0) continue;
      const rows = await this.db.selectFrom("articles").select("id").where("id", "in", chunk).execute();
      for (const row of rows) known.add(row.id);
    }
    return known;
  }

  writeBatch(batch: CodedBatch): Promise<BatchOutcome> {
    const run = this.#writing
      .then(() => this.db.transaction().execute((trx) => writeCodedBatch(trx, this.#backend, batch)))
      .finally(() => {
        this.#rows = null;
      });
    this.#writing = run.catch(() => undefined);
    return run;
  }

  /** Merged events in the whole store, counted at most every `ROW_COUNT_TTL_MS` (it only steers query plans). */
  async #rowCount(): Promise<number> {
    if (this.#rows && Date.now() - this.#rows.at < ROW_COUNT_TTL_MS) return this.#rows.n;
    const row = await this.db
      .selectFrom("merged_events")
      .select((eb) => eb.fn.countAll().as("n"))
      .executeTakeFirst();
    this.#rows = { at: Date.now(), n: Number(row?.n ?? 0) };
    return this.#rows.n;
  }

  /** Events matching one part of a filter; with `upTo`, counting stops after `upTo + 1` matches. */
  async #countPart(part: FilterPart, codes: CodeLists, upTo?: number): Promise<number> {
    const where = (eb: Eb) => mergedEventConditions(this.db, eb, part, { backend: this.#backend, codes });
    if (upTo === undefined) {
      const row = await this.db
        .selectFrom("merged_events")
        .where(where)
        .select((eb) => eb.fn.countAll().as("n"))
        .executeTakeFirst();
      return Number(row?.n ?? 0);
    }
    const row = await this.db
      .selectFrom(
        this.db
          .selectFrom("merged_events")
          .select("merged_events.id")
          .where(where)
          .limit(upTo + 1)
          .as("capped"),
      )
      .select((eb) => eb.fn.countAll().as("n"))
      .executeTakeFirst();
    return Number(row?.n ?? 0);
  }

  /** Events matching `filter`, part by part (see `filterParts`); with `upTo`, at most `upTo + 1`. */
  async #count(filter: EventFilter, codes: CodeLists, upTo?: number): Promise<number> {
    let n = 0;
    for (const part of filterParts(filter)) {
      n += await this.#countPart(part, codes, upTo === undefined ? undefined : upTo - n);
      if (upTo !== undefined && n > upTo) return upTo + 1;
    }
    return n;
  }

  /**
   * One page, in two steps: the page's ids are chosen on `merged_events` alone, then only those rows are joined to
   * their evidence. How the ids are found depends on how many events match (counted first, see `EventsOptions`):
   * few matches are found through the actor, code and date indexes and sorted; when many match, walking the date
   * index newest first finds the page sooner (about `end × rows / matches` rows read, against `matches` for the
   * sort), so the other conditions are written so that no index serves them.
   */
  async events(filter: EventFilter = {}, options: EventsOptions = {}): Promise<EventPage> {
    const limit = filter.limit ?? DEFAULT_LIMIT;
    const offset = filter.offset ?? 0;
    const end = offset + limit;
    const cap = options.countUpTo;
    const codes = await resolveCodeLists(this.db, [filter]);
    const matches = await this.#count(filter, codes, cap);
    const capped = cap !== undefined && matches > cap;
    const total = capped ? cap : matches;
    if (limit <= 0 || (!capped && offset >= matches)) return { total, totalExact: !capped, events: [] };

    let dateWalk = false;
    if (capped || matches > end) {
      const breakEven = end * (await this.#rowCount());
      let known = matches;
      // Counting stopped before it could tell which plan wins: count on, up to the break-even point.
      if (capped && known * known <= breakEven)
        known = await this.#count(filter, codes, Math.ceil(Math.sqrt(breakEven)));
      dateWalk = known > end && known * known > breakEven;
    }
    const ids = dateWalk
      ? await this.db
          .selectFrom("merged_events")
          .select("merged_events.id")
          .where((eb) => mergedEventConditions(this.db, eb, filter, { backend: this.#backend, dateWalk }))
          .orderBy("merged_events.date", (ob) => ob.desc().nullsLast())
          .orderBy("merged_events.id")
          .limit(limit)
          .offset(offset)
          .execute()
      : await this.db
          .selectFrom(
            filterParts(filter)
              .map((part) =>
                this.db
                  .selectFrom("merged_events")
                  .select(["merged_events.id as id", "merged_events.date as date"])
                  .where((eb) => mergedEventConditions(this.db, eb, part, { backend: this.#backend, codes })),
              )
              .reduce((all, part) => all.unionAll(part))
              .as("matching"),
          )
          .select("matching.id")
          .orderBy("matching.date", (ob) => ob.desc().nullsLast())
          .orderBy("matching.id")
          .limit(limit)
          .offset(offset)
          .execute();
    return {
      total,
      totalExact: !capped,
      events: await storedEventsById(
        this.db,
        ids.map((r) => r.id),
      ),
    };
  }

  async *streamEvents(filter: EventFilter = {}): AsyncIterable<StoredEvent> {
    const codes = await resolveCodeLists(this.db, [filter]);
    let after: string | null = null;
    for (;;) {
      const last: string | null = after;
      const ids = await this.db
        .selectFrom("merged_events")
        .select("merged_events.id")
        .where((eb) => {
          const matching = mergedEventConditions(this.db, eb, filter, { backend: this.#backend, codes });
          return last === null ? matching : eb.and([matching, eb("merged_events.id", ">", last)]);
        })
        .orderBy("merged_events.id")
        .limit(STREAM_PAGE)
        .execute();
      yield* await storedEventsById(
        this.db,
        ids.map((r) => r.id),
      );
      if (ids.length < STREAM_PAGE) return;
      after = ids[ids.length - 1]!.id;
    }
  }

  async tellings(
    by: { readonly mergedId: string } | { readonly articleId: string },
  ): Promise<StoredTelling[]> {
    const rows = await this.db
      .selectFrom("events")
      .selectAll()
      .where((eb) =>
        "mergedId" in by
          ? eb("events.merged_id", "=", by.mergedId)
          : eb("events.article_id", "=", by.articleId),
      )
      .orderBy("events.article_id")
      .orderBy("events.trigger_start")
      .orderBy("events.id")
      .execute();
    return rows.map((row) => ({ ...eventRecord(row), mergedId: row.merged_id }));
  }

  /**
   * Counts of the dated events matching `filter` (plus `also`), with the statuses of `options` (asserted by default),
   * grouped in the database by month (`YYYY-MM`) for monthly series and by day otherwise; `seriesPoints` sums the
   * groups into periods. Fewer groups is most of the speed: a busy dyad has an event on most days.
   */
  #groups(filter: FilterPart, codes: CodeLists, options: ActorSeriesOptions) {
    const statuses: readonly ModalityStatus[] = options.statuses?.length ? options.statuses : ["asserted"];
    const scoped: FilterPart = {
      ...filter,
      status: statuses,
      ...(options.from ? { from: options.from } : {}),
      ...(options.to ? { to: options.to } : {}),
    };
    const quad = (eb: Eb, q: number) =>
      eb.fn.count<number | string>(eb.case().when("merged_events.quad", "=", q).then(1).end());
    // Literals, not parameters: the grouped expression must read the same in SELECT and GROUP BY.
    const group = (eb: Eb) =>
      options.interval === "month"
        ? eb.fn<string | null>("substr", [eb.ref("merged_events.date"), sql.lit(1), sql.lit(7)])
        : eb.ref("merged_events.date");
    return this.db
      .selectFrom("merged_events")
      .where((eb) =>
        eb.and([
          mergedEventConditions(this.db, eb, scoped, { codes }),
          eb("merged_events.date", "is not", null),
        ]),
      )
      .select((eb) => [
        group(eb).as("date"),
        eb.fn.countAll<number | string>().as("n"),
        quad(eb, 1).as("q1"),
        quad(eb, 2).as("q2"),
        quad(eb, 3).as("q3"),
        quad(eb, 4).as("q4"),
        eb.fn.sum<number | string>("merged_events.goldstein").as("g"),
      ])
      .groupBy(group);
  }

  /**
   * One query per direction, joined with UNION ALL: each reads its (source, target) pairs straight from a dyad
   * index (one OR over both directions would make the engine read a whole index). An event that matches both
   * directions (prefixes that overlap, like RUS and RUSGOV) is counted once, in the first.
   */
  async series(a: string, b: string, options: SeriesOptions): Promise<SeriesPoint[]> {
    if (!a || !b) throw new DyadError("USAGE", `a dyad needs two actor codes, got "${a}" and "${b}"`);
    return this.#seriesOf(options.directed ? { source: a, target: b } : { dyad: [a, b] }, options);
  }

  async actorSeries(actor: string, options: ActorSeriesOptions): Promise<SeriesPoint[]> {
    if (!actor) throw new DyadError("USAGE", "an actor series needs an actor code");
    return this.#seriesOf({ actor }, options);
  }

  /**
   * A series read part by part (`filterParts`: one query per direction or side, joined with UNION ALL), so each
   * part reads its (source, target) pairs straight from a covering dyad index; one OR over both would make the
   * engine fetch every candidate row. An event matching two parts (overlapping prefixes) is counted once.
   */
  async #seriesOf(filter: EventFilter, options: ActorSeriesOptions): Promise<SeriesPoint[]> {
    const parts = filterParts(filter);
    const codes = await resolveCodeLists(this.db, parts);
    const query = parts
      .map((part) => this.#groups(part, codes, options))
      .reduce((all, part) => all.unionAll(part));
    return seriesPoints(await query.execute(), options);
  }

  async article(id: string): Promise<StoredArticle | null> {
    const row = await this.db.selectFrom("articles").selectAll().where("id", "=", id).executeTakeFirst();
    if (!row) return null;
    return {
      id: row.id,
      url: row.url,
      published: row.published,
      title: row.title,
      source: row.source,
      rawText: row.raw_text,
      cleanText: row.clean_text,
      clusterId: row.cluster_id,
    };
  }

  async rejects(): Promise<Rejected[]> {
    const rows = await this.db
      .selectFrom("rejects")
      .selectAll()
      .orderBy("path")
      .orderBy("line")
      .orderBy("reason")
      .execute();
    return rows.map((r) =>
      r.line === null
        ? { path: r.path, reason: r.reason }
        : { path: r.path, line: Number(r.line), reason: r.reason },
    );
  }

  async counts(): Promise<StoreCounts> {
    const count = async (table: keyof Database): Promise<number> => {
      const row = await this.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll().as("n"))
        .executeTakeFirst();
      return Number(row?.n ?? 0);
    };
    return {
      articles: await count("articles"),
      events: await count("events"),
      mergedEvents: await count("merged_events"),
      clusters: await count("clusters"),
      rejects: await count("rejects"),
    };
  }

  async close(): Promise<void> {
    await this.#writing;
    await this.#backend.close();
  }
}
