import { type Kysely, sql } from "kysely";
import type { Database } from "../store/schema.js";
import type { StoredEvent } from "../types/store.js";
import { type AnalysisFilter, mergedEventConditions } from "./merged-event-conditions.js";
import { storedEventsById } from "./stored-events-by-id.js";

/** Counting stops here: past it `total` is this number and `totalExact` false (page deeper with a narrower filter). */
export const TOTAL_CAP = 10_000;

export interface EventPage {
  /** Events matching the filter, exact up to {@link TOTAL_CAP}. */
  readonly total: number;
  readonly totalExact: boolean;
  readonly events: readonly StoredEvent[];
}

/**
 * One page of de-duplicated events with the store's order (`Store.events`: newest first, undated last, then by
 * id) and filter meaning, for filters without full-text search. The page's ids are chosen on `merged_events`
 * alone and only those rows are joined to their evidence, so a broad filter never reads the text of every match;
 * the count stops at {@link TOTAL_CAP}.
 */
export async function eventPage(
  db: Kysely<Database>,
  filter: AnalysisFilter & { readonly limit: number; readonly offset: number },
): Promise<EventPage> {
  const { limit, offset, ...conditions } = filter;
  const ids = await db
    .selectFrom("merged_events")
    .select("merged_events.id")
    .where((eb) => mergedEventConditions(eb, conditions))
    .orderBy("merged_events.date", (ob) => ob.desc().nullsLast())
    .orderBy("merged_events.id")
    .limit(limit)
    .offset(offset)
    .execute();
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
  const n = Number(counted?.n ?? 0);
  return {
    total: Math.min(n, TOTAL_CAP),
    totalExact: n <= TOTAL_CAP,
    events: await storedEventsById(
      db,
      ids.map((r) => r.id),
    ),
  };
}
