import type { Kysely } from "kysely";
import type { StoredEvent } from "../types/store.js";
import { eventRecord } from "./event-row.js";
import type { Database } from "./schema.js";

/**
 * The de-duplicated events with these merged ids, in the order of `ids` (unknown ids are skipped): each merged row
 * joined to its canonical telling's evidence. Pages are chosen on `merged_events` alone first, so only the rows
 * shown are joined.
 */
export async function storedEventsById(db: Kysely<Database>, ids: readonly string[]): Promise<StoredEvent[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom("merged_events as m")
    .innerJoin("events as e", "e.id", "m.id")
    .selectAll("e")
    .select(["m.cluster_id", "m.mentions", "m.sources", "m.articles"])
    .where("m.id", "in", [...ids])
    .execute();
  const byId = new Map(
    rows.map((row) => [
      row.id,
      {
        ...eventRecord(row),
        clusterId: row.cluster_id,
        mentions: Number(row.mentions),
        sources: Number(row.sources),
        articles: Number(row.articles),
      } satisfies StoredEvent,
    ]),
  );
  return ids.flatMap((id) => byId.get(id) ?? []);
}
