// Event pages, counts and series come from queries shaped for a million events: pages found by walking the date
// index or by sorting the matches (chosen from a count that may stop early), actor codes read as exact-code lists,
// series read one direction at a time. Whatever the plan, the answers must be what a plain reading of every stored
// event gives. Checked on the API's sample store and on a generated store large enough for every plan to be taken,
// in SQLite and (when it is reachable) PostgreSQL.
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { nextPeriod, openStore, periodStart, type Store } from "../../src/store/index.js";
import type { ModalityStatus } from "../../src/types/event.js";
import type {
  CodedArticleRow,
  EventFilter,
  Interval,
  SeriesOptions,
  SeriesPoint,
  StoredEvent,
} from "../../src/types/store.js";
import { type SampleStore, sampleStore } from "../server/sample-store.js";
import { postgresAvailable, TestDatabases } from "./conformance-stores.js";
import { type FixtureEvent, fixtureRow } from "./fixture-events.js";

// ---------- the plain reading ----------

const within = (code: string | undefined | null, prefix: string) => code?.startsWith(prefix) === true;

function matches(e: StoredEvent, f: EventFilter): boolean {
  const s = e.source.code;
  const t = e.target?.code ?? null;
  if (f.source && !within(s, f.source)) return false;
  if (f.target && !within(t, f.target)) return false;
  if (f.actor && !within(s, f.actor) && !within(t, f.actor)) return false;
  if (f.dyad) {
    const [a, b] = f.dyad;
    if (!((within(s, a) && within(t, b)) || (within(s, b) && within(t, a)))) return false;
  }
  if (f.root && e.cameo.root !== f.root) return false;
  if (f.code && e.cameo.code !== f.code) return false;
  if (f.quad !== undefined && e.cameo.quad !== f.quad) return false;
  if (f.status?.length && !f.status.includes(e.modality.status)) return false;
  if (f.from && (e.date === null || e.date < f.from)) return false;
  if (f.to && (e.date === null || e.date > f.to)) return false;
  return true;
}

/** Newest first, undated last, then by id. */
function byDateThenId(x: StoredEvent, y: StoredEvent): number {
  if (x.date !== y.date) {
    if (x.date === null) return 1;
    if (y.date === null) return -1;
    return x.date < y.date ? 1 : -1;
  }
  return x.id < y.id ? -1 : 1;
}

function plainSeries(
  events: readonly StoredEvent[],
  counted: (e: StoredEvent) => boolean,
  options: { interval: Interval; from?: string; to?: string; statuses?: readonly ModalityStatus[] },
): SeriesPoint[] {
  const statuses = options.statuses ?? ["asserted"];
  const chosen = events.filter(
    (e) =>
      e.date !== null &&
      statuses.includes(e.modality.status) &&
      (!options.from || e.date >= options.from) &&
      (!options.to || e.date <= options.to) &&
      counted(e),
  );
  const periods = chosen.map((e) => periodStart(e.date!, options.interval)).sort();
  const first = options.from ? periodStart(options.from, options.interval) : periods[0];
  const last = options.to ? periodStart(options.to, options.interval) : periods.at(-1);
  if (!first || !last) return [];
  const points: SeriesPoint[] = [];
  for (let t = first; t <= last; t = nextPeriod(t, options.interval)) {
    const inside = chosen.filter((e) => periodStart(e.date!, options.interval) === t);
    const sum = inside.reduce((s, e) => s + e.cameo.goldstein, 0);
    const quad = (q: number) => inside.filter((e) => e.cameo.quad === q).length;
    points.push({
      t,
      count: inside.length,
      byQuad: { 1: quad(1), 2: quad(2), 3: quad(3), 4: quad(4) },
      goldsteinSum: Math.round(sum * 1e6) / 1e6,
      goldsteinMean: inside.length ? Math.round((sum / inside.length) * 1e6) / 1e6 : null,
    });
  }
  return points;
}

async function everyEvent(store: Store): Promise<StoredEvent[]> {
  const all: StoredEvent[] = [];
  for await (const e of store.streamEvents()) all.push(e);
  return all;
}

// ---------- a generated store: many events, so that every plan is taken ----------

const ACTORS = [
  "USA",
  "USAGOV",
  "USAMIL",
  "RUS",
  "RUSGOV",
  "RUSMIL",
  "CHN",
  "CHNGOV",
  "IGOUNO",
  "FRA",
  "UKRMIL",
];
const STATUSES: readonly ModalityStatus[] = ["asserted", "asserted", "asserted", "negated", "hypothetical"];
const CODES = ["036", "042", "0311", "057", "061", "112", "173", "190", "193"];

/** A deterministic mix: actors weighted toward the first ones, dates over two years, a few undated events. */
function generatedRows(articles: number, perArticle: number): CodedArticleRow[] {
  let seed = 7;
  const rand = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  const pick = <T>(xs: readonly T[], skew = 1) => xs[Math.floor(rand() ** skew * xs.length)]!;
  const rows: CodedArticleRow[] = [];
  for (let a = 0; a < articles; a++) {
    const articleId = `gen-${String(a).padStart(3, "0")}`;
    const events: FixtureEvent[] = [];
    for (let i = 0; i < perArticle; i++) {
      const day = Math.floor(rand() * 730);
      const code = pick(CODES);
      const quad =
        Number(code.slice(0, 2)) >= 11 ? (Number(code.slice(0, 2)) >= 18 ? 4 : 3) : code < "05" ? 1 : 2;
      events.push({
        id: `${articleId}:${String(i).padStart(2, "0")}`,
        articleId,
        date:
          rand() < 0.03 ? null : new Date(Date.UTC(2022, 0, 1) + day * 86_400_000).toISOString().slice(0, 10),
        source: pick(ACTORS, 1.6),
        target: rand() < 0.05 ? null : pick(ACTORS, 1.3),
        code,
        quad: quad as 1 | 2 | 3 | 4,
        goldstein: Math.round((rand() * 20 - 10) * 10) / 10,
        status: pick(STATUSES),
        at: i * 40,
      });
    }
    // Each article its own words, so no two are near-duplicates and every telling stays its own event.
    const words = Array.from({ length: 60 }, (_, i) => `w${a}x${i}${Math.floor(rand() * 1e6)}`).join(" ");
    rows.push(fixtureRow(articleId, `${words}.`, events, { published: "2022-06-01" }));
  }
  return rows;
}

// ---------- the cases ----------

const FILTERS: readonly [string, EventFilter][] = [
  ["everything", {}],
  ["source prefix", { source: "RUS" }],
  ["source with sector", { source: "USAGOV" }],
  ["target prefix", { target: "CHN" }],
  ["either side", { actor: "USA" }],
  ["a dyad either way", { dyad: ["USA", "RUS"] }],
  ["a dyad of overlapping prefixes", { dyad: ["USA", "USAMIL"] }],
  ["a dyad and a year", { dyad: ["RUS", "CHN"], from: "2022-01-01", to: "2022-12-31" }],
  ["root and quad", { root: "06", quad: 2 }],
  ["exact code", { code: "0312" }],
  ["exact code, generated", { code: "0311" }],
  ["statuses", { status: ["hypothetical", "reported_claim"] }],
  ["dates", { from: "2021-03-01", to: "2021-04-07" }],
  ["dates, generated", { from: "2023-02-01", to: "2023-03-15" }],
  ["actor and quad", { actor: "RUS", quad: 4 }],
  ["nothing matches", { source: "ZZZ" }],
];

const PAGES: readonly [limit: number, offset: number][] = [
  [100, 0],
  [3, 2],
  [7, 150],
  [20, 600],
];

const SERIES: readonly [string, string, string, SeriesOptions][] = [
  ["both directions by week", "RUS", "CHN", { interval: "week" }],
  ["directed, reversed", "CHN", "RUS", { interval: "month", directed: true }],
  [
    "all statuses by day in a range",
    "RUS",
    "CHN",
    { interval: "day", from: "2021-03-01", to: "2021-03-10", statuses: ["asserted", "hypothetical"] },
  ],
  ["overlapping prefixes counted once", "RUS", "RUSGOV", { interval: "month" }],
  ["overlapping prefixes, generated", "USA", "USAMIL", { interval: "month" }],
  ["a busy dyad by month", "USA", "RUS", { interval: "month" }],
  ["a busy dyad by day in a range", "USA", "CHN", { interval: "day", from: "2023-05-01", to: "2023-06-30" }],
  ["an empty dyad", "FRA", "MLI", { interval: "month" }],
];

const ACTOR_SERIES: readonly [string, string, SeriesOptions][] = [
  ["a country by month", "USA", { interval: "month" }],
  [
    "an actor with a sector by week, all statuses",
    "RUSMIL",
    {
      interval: "week",
      statuses: ["asserted", "negated", "hypothetical"],
    },
  ],
  ["a range by day", "CHN", { interval: "day", from: "2022-03-01", to: "2022-04-15" }],
  ["an actor without events", "ZZZ", { interval: "month" }],
];

const dir = mkdtempSync(join(tmpdir(), "dyad-plans-"));
const databases = new TestDatabases();
const pgUp = await postgresAvailable();
after(async () => {
  rmSync(dir, { recursive: true, force: true });
  if (pgUp) await databases.dropAll();
});

for (const kind of ["sample", "generated", "generated on PostgreSQL"] as const) {
  const skip = kind === "generated on PostgreSQL" && !pgUp ? "PostgreSQL is not reachable" : false;
  describe(`the ${kind} store`, { skip }, () => {
    let store: Store;
    let sample: SampleStore | null = null;
    let all: StoredEvent[] = [];
    before(async () => {
      if (kind === "sample") {
        sample = await sampleStore();
        store = sample.store;
      } else {
        store = await openStore(kind === "generated" ? join(dir, "generated.db") : databases.url());
        await store.writeBatch({ rows: generatedRows(60, 25), rejects: [] });
      }
      all = await everyEvent(store);
      if (kind !== "sample") assert.ok(all.length > 1000, `${all.length} events`);
    });
    after(async () => {
      if (sample) await sample.dispose();
      else await store.close();
    });

    for (const [label, filter] of FILTERS) {
      test(`event pages agree with every event read plainly: ${label}`, async () => {
        const expected = all.filter((e) => matches(e, filter)).sort(byDateThenId);
        for (const [limit, offset] of PAGES) {
          for (const countUpTo of [undefined, 5, 120]) {
            const page = await store.events({ ...filter, limit, offset }, countUpTo ? { countUpTo } : {});
            const what = `limit ${limit} offset ${offset} countUpTo ${countUpTo}`;
            const exact = countUpTo === undefined || expected.length <= countUpTo;
            assert.equal(page.total, exact ? expected.length : countUpTo, what);
            assert.equal(page.totalExact, exact, what);
            assert.deepEqual(
              page.events.map((e) => e.id),
              expected.slice(offset, offset + limit).map((e) => e.id),
              what,
            );
          }
        }
        const first = await store.events({ ...filter, limit: 3 });
        assert.deepEqual(first.events, expected.slice(0, 3), "whole events, evidence included");
      });
    }

    for (const [label, a, b, options] of SERIES) {
      test(`dyad series agrees with every event read plainly: ${label}`, async () => {
        const forward = (e: StoredEvent) => within(e.source.code, a) && within(e.target?.code, b);
        const backward = (e: StoredEvent) => within(e.source.code, b) && within(e.target?.code, a);
        const counted = options.directed ? forward : (e: StoredEvent) => forward(e) || backward(e);
        assert.deepEqual(await store.series(a, b, options), plainSeries(all, counted, options));
      });
    }

    for (const [label, actor, options] of ACTOR_SERIES) {
      test(`actor series agrees with every event read plainly: ${label}`, async () => {
        const counted = (e: StoredEvent) => within(e.source.code, actor) || within(e.target?.code, actor);
        assert.deepEqual(await store.actorSeries(actor, options), plainSeries(all, counted, options));
      });
    }
  });
}
