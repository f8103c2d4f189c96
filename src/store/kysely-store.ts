import { type Expression, type ExpressionBuilder, Migrator, type SqlBool } from "kysely";
import type { Rejected } from "../types/article.js";
import { DyadError } from "../types/errors.js";
import type {
  EventFilter,
  SeriesOptions,
  SeriesPoint,
  StoreCounts,
  StoredArticle,
  StoredEvent,
} from "../types/store.js";
import { eventRecord } from "./event-row.js";
import { storeMigrationProvider } from "./migrations.js";
import { nextPeriod, periodStart } from "./period-start.js";
import type { Database, EventsTable } from "./schema.js";
import type { Store, StoredTelling } from "./store.js";
import type { StoreBackend } from "./store-backend.js";
import { type BatchOutcome, type CodedBatch, writeCodedBatch } from "./write-coded-batch.js";

type MergedScope = ExpressionBuilder<Database & { m: Database["merged_events"] }, "m">;

const DEFAULT_LIMIT = 100;
const STREAM_PAGE = 1000;
/** A series longer than this many periods is refused (ask for a coarser interval or a shorter range). */
const MAX_PERIODS = 50_000;

/** Upper bound for a prefix range: `RUS` → `RUT`, so `code >= 'RUS' AND code < 'RUT'` can use an index. */
function prefixEnd(prefix: string): string {
  return prefix.slice(0, -1) + String.fromCharCode(prefix.charCodeAt(prefix.length - 1) + 1);
}

function codePrefix(
  eb: MergedScope,
  column: "m.source_code" | "m.target_code",
  prefix: string,
): Expression<SqlBool> {
  return eb.and([eb(column, ">=", prefix), eb(column, "<", prefixEnd(prefix))]);
}

function dyadCondition(eb: MergedScope, a: string, b: string, directed: boolean): Expression<SqlBool> {
  const forward = eb.and([codePrefix(eb, "m.source_code", a), codePrefix(eb, "m.target_code", b)]);
  if (directed) return forward;
  return eb.or([forward, eb.and([codePrefix(eb, "m.source_code", b), codePrefix(eb, "m.target_code", a)])]);
}

type SelectedEvent = Database["events"] &
  Pick<Database["merged_events"], "cluster_id" | "mentions" | "sources" | "articles">;

function storedEvent(row: SelectedEvent): StoredEvent {
  return {
    ...eventRecord(row as EventsTable),
    clusterId: row.cluster_id,
    mentions: Number(row.mentions),
    sources: Number(row.sources),
    articles: Number(row.articles),
  };
}

/** The `Store` over any Kysely backend; everything dialect-specific is delegated to `StoreBackend`. */
export class KyselyStore implements Store {
  readonly #backend: StoreBackend;
  /** Writes are serialised: one batch transaction at a time. */
  #writing: Promise<unknown> = Promise.resolve();

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
    const run = this.#writing.then(() =>
      this.db.transaction().execute((trx) => writeCodedBatch(trx, this.#backend, batch)),
    );
    this.#writing = run.catch(() => undefined);
    return run;
  }

  #where(eb: MergedScope, filter: EventFilter): Expression<SqlBool> {
    const all: Expression<SqlBool>[] = [];
    if (filter.source) all.push(codePrefix(eb, "m.source_code", filter.source));
    if (filter.target) all.push(codePrefix(eb, "m.target_code", filter.target));
    if (filter.actor) {
      all.push(
        eb.or([codePrefix(eb, "m.source_code", filter.actor), codePrefix(eb, "m.target_code", filter.actor)]),
      );
    }
    if (filter.root) all.push(eb("m.cameo_root", "=", filter.root));
    if (filter.code) {
      // The root is the code's first two digits: saying so lets the root index serve code filters.
      all.push(eb("m.cameo_root", "=", filter.code.slice(0, 2)), eb("m.cameo_code", "=", filter.code));
    }
    if (filter.quad !== undefined) all.push(eb("m.quad", "=", filter.quad));
    if (filter.status && filter.status.length > 0) all.push(eb("m.status", "in", [...filter.status]));
    if (filter.from) all.push(eb("m.date", ">=", filter.from));
    if (filter.to) all.push(eb("m.date", "<=", filter.to));
    if (filter.articleId) {
      all.push(
        eb(
          "m.id",
          "in",
          eb
            .selectFrom("events")
            .select("events.merged_id")
            .where("events.article_id", "=", filter.articleId),
        ),
      );
    }
    if (filter.q) {
      const q = filter.q;
      all.push(
        eb(
          "m.id",
          "in",
          eb
            .selectFrom("events")
            .select("events.merged_id")
            .where((inner) => this.#backend.articleMatches(inner.ref("events.article_id"), q)),
        ),
      );
    }
    if (filter.sentence) {
      const q = filter.sentence;
      all.push(
        eb(
          "m.id",
          "in",
          eb
            .selectFrom("events")
            .select("events.merged_id")
            .where((inner) => this.#backend.sentenceMatches(inner.ref("events.id"), q)),
        ),
      );
    }
    return eb.and(all);
  }

  async events(filter: EventFilter = {}): Promise<{ total: number; events: StoredEvent[] }> {
    const base = this.db.selectFrom("merged_events as m").where((eb) => this.#where(eb, filter));
    const counted = await base.select((eb) => eb.fn.countAll().as("n")).executeTakeFirst();
    const rows = await base
      .innerJoin("events as e", "e.id", "m.id")
      .selectAll("e")
      .select(["m.cluster_id", "m.mentions", "m.sources", "m.articles"])
      .orderBy("m.date", (ob) => ob.desc().nullsLast())
      .orderBy("m.id")
      .limit(filter.limit ?? DEFAULT_LIMIT)
      .offset(filter.offset ?? 0)
      .execute();
    return { total: Number(counted?.n ?? 0), events: rows.map((row) => storedEvent(row as SelectedEvent)) };
  }

  async *streamEvents(filter: EventFilter = {}): AsyncIterable<StoredEvent> {
    let after: string | null = null;
    for (;;) {
      const last: string | null = after;
      const rows = await this.db
        .selectFrom("merged_events as m")
        .innerJoin("events as e", "e.id", "m.id")
        .selectAll("e")
        .select(["m.cluster_id", "m.mentions", "m.sources", "m.articles"])
        .where((eb) =>
          last === null ? this.#where(eb, filter) : eb.and([this.#where(eb, filter), eb("m.id", ">", last)]),
        )
        .orderBy("m.id")
        .limit(STREAM_PAGE)
        .execute();
      for (const row of rows) yield storedEvent(row as SelectedEvent);
      if (rows.length < STREAM_PAGE) return;
      after = (rows[rows.length - 1] as { id: string }).id;
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

  async series(a: string, b: string, options: SeriesOptions): Promise<SeriesPoint[]> {
    if (!a || !b) throw new DyadError("USAGE", `a dyad needs two actor codes, got "${a}" and "${b}"`);
    const statuses = options.statuses && options.statuses.length > 0 ? [...options.statuses] : ["asserted"];
    const rows = await this.db
      .selectFrom("merged_events as m")
      .select((eb) => [
        "m.date",
        "m.quad",
        eb.fn.countAll().as("n"),
        eb.fn.sum<number | string>("m.goldstein").as("goldstein"),
      ])
      .where((eb) => {
        const all: Expression<SqlBool>[] = [
          dyadCondition(eb, a, b, options.directed ?? false),
          eb("m.status", "in", statuses),
          eb("m.date", "is not", null),
        ];
        if (options.from) all.push(eb("m.date", ">=", options.from));
        if (options.to) all.push(eb("m.date", "<=", options.to));
        return eb.and(all);
      })
      .groupBy(["m.date", "m.quad"])
      .execute();

    interface Bucket {
      count: number;
      byQuad: { 1: number; 2: number; 3: number; 4: number };
      goldsteinSum: number;
    }
    const buckets = new Map<string, Bucket>();
    for (const row of rows) {
      if (row.date === null) continue;
      const t = periodStart(row.date, options.interval);
      let bucket = buckets.get(t);
      if (!bucket) {
        bucket = { count: 0, byQuad: { 1: 0, 2: 0, 3: 0, 4: 0 }, goldsteinSum: 0 };
        buckets.set(t, bucket);
      }
      const n = Number(row.n);
      bucket.count += n;
      const quad = Number(row.quad);
      if (quad === 1 || quad === 2 || quad === 3 || quad === 4) bucket.byQuad[quad] += n;
      bucket.goldsteinSum += Number(row.goldstein ?? 0);
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
      const goldsteinSum = bucket ? Math.round(bucket.goldsteinSum * 1e6) / 1e6 : 0;
      points.push({
        t,
        count: bucket?.count ?? 0,
        byQuad: bucket ? { ...bucket.byQuad } : { 1: 0, 2: 0, 3: 0, 4: 0 },
        goldsteinSum,
        goldsteinMean:
          bucket && bucket.count > 0 ? Math.round((bucket.goldsteinSum / bucket.count) * 1e6) / 1e6 : null,
      });
    }
    return points;
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
