import type { Kysely } from "kysely";
import { mergedEventConditions, resolveCodeLists } from "../store/merged-event-conditions.js";
import type { Database } from "../store/schema.js";
import { type ActorLevel, actorKey } from "./actor-level.js";
import { actorNames } from "./actor-names.js";
import type { AnalysisFilter } from "./analysis-filter.js";

export interface TopActor {
  readonly code: string;
  readonly name: string;
  /** Events with the actor on either side. */
  readonly count: number;
  readonly asSource: number;
  readonly asTarget: number;
}

/**
 * The actors in the most de-duplicated events matching `filter`, as source or target (an event between two
 * sides of the same key counts once), most first, ties by code.
 */
export async function topActors(
  db: Kysely<Database>,
  filter: AnalysisFilter,
  options: { readonly limit: number; readonly level: ActorLevel },
): Promise<TopActor[]> {
  const codes = await resolveCodeLists(db, [filter]);
  const bySide = async (side: "source" | "target") =>
    db
      .selectFrom("merged_events")
      .where((eb) => mergedEventConditions(db, eb, filter, { codes }))
      .select((eb) => [actorKey(eb, side, options.level).as("key"), eb.fn.countAll<number>().as("n")])
      .groupBy("key")
      .execute();
  const selfLoops = await db
    .selectFrom("merged_events")
    .where((eb) =>
      eb.and([
        mergedEventConditions(db, eb, filter, { codes }),
        eb(actorKey(eb, "source", options.level), "=", actorKey(eb, "target", options.level)),
      ]),
    )
    .select((eb) => [actorKey(eb, "source", options.level).as("key"), eb.fn.countAll<number>().as("n")])
    .groupBy("key")
    .execute();
  const tally = new Map<string, { asSource: number; asTarget: number; both: number }>();
  const get = (k: string) => {
    let t = tally.get(k);
    if (!t) {
      t = { asSource: 0, asTarget: 0, both: 0 };
      tally.set(k, t);
    }
    return t;
  };
  for (const r of await bySide("source")) if (r.key) get(r.key).asSource += Number(r.n);
  for (const r of await bySide("target")) if (r.key) get(r.key).asTarget += Number(r.n);
  for (const r of selfLoops) if (r.key) get(r.key).both += Number(r.n);
  const ranked = [...tally.entries()]
    .map(([code, t]) => ({
      code,
      count: t.asSource + t.asTarget - t.both,
      asSource: t.asSource,
      asTarget: t.asTarget,
    }))
    .sort((a, b) => b.count - a.count || a.code.localeCompare(b.code))
    .slice(0, options.limit);
  const names = await actorNames(
    db,
    ranked.map((r) => r.code),
  );
  return ranked.map((r) => ({
    code: r.code,
    name: names.get(r.code) ?? r.code,
    count: r.count,
    asSource: r.asSource,
    asTarget: r.asTarget,
  }));
}
