import type { Kysely } from "kysely";
import type { Database } from "../store/schema.js";
import { storedEventsById } from "../store/stored-events-by-id.js";
import type { Interval, StoredEvent } from "../types/store.js";
import { type ActorLevel, actorKey } from "./actor-level.js";
import { type DyadDayCount, type DyadDeparture, dyadDepartures } from "./dyad-departures.js";
import { periodEnd, periodStart, shiftPeriod } from "./period-start.js";

export interface AlertOptions {
  readonly interval: Interval;
  /** A date inside the period to examine; default: the latest event date in the store. */
  readonly at?: string;
  readonly history: number;
  readonly threshold: number;
  readonly minCount: number;
  readonly limit: number;
  readonly level: ActorLevel;
  /** Statuses counted; default asserted only. */
  readonly statuses?: readonly string[];
  /** Events returned with each alert. */
  readonly eventsPerAlert?: number;
}

export interface DyadAlert extends DyadDeparture {
  /** The period's events behind the alert (of the alert's kind), most-told first. */
  readonly events: readonly StoredEvent[];
}

const QUADS = { cooperation: [1, 2], conflict: [3, 4] } as const;

/**
 * Dyads (source → target) whose cooperation or conflict in one period departs from their own history: the
 * period's count against the mean and spread of the `history` periods before it (see `dyadDepartures`), each
 * with the events behind it. Reads per-day aggregates of the window from `merged_events`; no text is scanned.
 */
export async function dyadAlerts(db: Kysely<Database>, options: AlertOptions): Promise<DyadAlert[]> {
  const statuses = options.statuses?.length ? [...options.statuses] : ["asserted"];
  let at = options.at;
  if (!at) {
    const latest = await db
      .selectFrom("merged_events")
      .select((eb) => eb.fn.max("merged_events.date").as("d"))
      .where("merged_events.status", "in", statuses)
      .executeTakeFirst();
    if (!latest?.d) return [];
    at = latest.d;
  }
  const period = periodStart(at, options.interval);
  const first = shiftPeriod(period, options.interval, -options.history);
  const last = periodEnd(period, options.interval);
  const rows = await db
    .selectFrom("merged_events")
    .where((eb) =>
      eb.and([
        eb("merged_events.date", ">=", first),
        eb("merged_events.date", "<=", last),
        eb("merged_events.status", "in", statuses),
        eb("merged_events.target_code", "is not", null),
      ]),
    )
    .select((eb) => [
      actorKey(eb, "source", options.level).as("a"),
      actorKey(eb, "target", options.level).as("b"),
      "merged_events.date as date",
      "merged_events.quad as quad",
      eb.fn.countAll<number>().as("n"),
      eb.fn.sum<number>("merged_events.goldstein").as("g"),
    ])
    .groupBy(["a", "b", "date", "quad"])
    .execute();
  const counts: DyadDayCount[] = [];
  for (const r of rows) {
    if (!r.a || !r.b || !r.date) continue;
    counts.push({
      a: r.a,
      b: r.b,
      date: r.date,
      quad: Number(r.quad) as 1 | 2 | 3 | 4,
      count: Number(r.n),
      goldsteinSum: Number(r.g ?? 0),
    });
  }
  const departures = dyadDepartures(counts, {
    interval: options.interval,
    period,
    history: options.history,
    threshold: options.threshold,
    minCount: options.minCount,
  }).slice(0, options.limit);

  const perAlert = options.eventsPerAlert ?? 10;
  const alerts: DyadAlert[] = [];
  for (const d of departures) {
    const ids = await db
      .selectFrom("merged_events")
      .select("merged_events.id")
      .where((eb) =>
        eb.and([
          eb(actorKey(eb, "source", options.level), "=", d.a),
          eb(actorKey(eb, "target", options.level), "=", d.b),
          eb("merged_events.date", ">=", period),
          eb("merged_events.date", "<=", last),
          eb("merged_events.status", "in", statuses),
          eb("merged_events.quad", "in", [...QUADS[d.kind]]),
        ]),
      )
      .orderBy("merged_events.mentions", "desc")
      .orderBy("merged_events.date", "desc")
      .orderBy("merged_events.id")
      .limit(perAlert)
      .execute();
    alerts.push({
      ...d,
      events: await storedEventsById(
        db,
        ids.map((r) => r.id),
      ),
    });
  }
  return alerts;
}
