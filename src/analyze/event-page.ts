import { type Kysely, SqliteAdapter, sql } from "kysely";
import type { Database } from "../store/schema.js";
import type { StoredEvent } from "../types/store.js";
import { type AnalysisFilter, mergedEventConditions } from "./merged-event-conditions.js";
import { storedEventsById } from "./stored-events-by-id.js";

/** Counting stops here: past it `total` is this number and `totalExact` false (page deeper with a narrower filter). */
export const TOTAL_CAP = 10_000;

/** A newest-first walk is chosen when it should find the page within this many rows. */
const WALK_BUDGET = 50_000;

export interface EventPage {
  /** Events matching the filter, exact up to {@link TOTAL_CAP}. */
  readonly total: number;
  readonly totalExact: boolean;
  readonly events: readonly StoredEvent[];
}

/**
 * One page of de-duplicated events with the store's order (`Store.events`: newest first, undated last, then by
 * id) and filter meaning, for filters without full-text search. Built for a million events and more:
 * - the page's ids are chosen on `merged_events` alone and only those rows are joined to their evidence;
 * - the count stops at {@link TOTAL_CAP};
 * - on SQLite the plan is picked from that count: a filter matching many rows walks the date index newest first
 *   and stops at the page (expected rows walked = page end × rows / matches, kept under 50,000); a selective one
 *   lets the planner use the actor and code indexes and sorts its few matches.
 */
export async function eventPage(
  db: Kysely<Database>,
  filter: AnalysisFilter & { readonly limit: number; readonly offset: number },
): Promise<EventPage> {
  const { limit, offset, ...conditions } = filter;
  const counted = await db
    .selectFrom(
      db
        .selectFrom("merged_events")
        .select(sql<number>`1`.as("one"))
        .where((eb) => mergedEventConditions(eb, conditions))
        .limit(TOTAL_CAP + 1)
        .as("capped"),
    )
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirst();
  const matches = Number(counted?.n ?? 0);
  const end = offset + limit;
  let walk = false;
  if (matches > end && db.getExecutor().adapter instanceof SqliteAdapter) {
    const rows = await db
      .selectFrom("merged_events")
      .select((eb) => eb.fn.max<number>(sql`rowid`).as("n"))
      .executeTakeFirst();
    walk = (end * Number(rows?.n ?? 0)) / matches <= WALK_BUDGET;
  }
  const ids = await db
    .selectFrom("merged_events")
    .select("merged_events.id")
    .where((eb) => mergedEventConditions(eb, conditions, { dateOrderOnly: walk }))
    .orderBy("merged_events.date", (ob) => ob.desc().nullsLast())
    .orderBy("merged_events.id")
    .limit(limit)
    .offset(offset)
    .execute();
  return {
    total: Math.min(matches, TOTAL_CAP),
    totalExact: matches <= TOTAL_CAP,
    events: await storedEventsById(
      db,
      ids.map((r) => r.id),
    ),
  };
}
