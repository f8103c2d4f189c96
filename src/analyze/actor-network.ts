import type { Kysely } from "kysely";
import { mergedEventConditions, resolveCodeLists } from "../store/merged-event-conditions.js";
import type { Database } from "../store/schema.js";
import { type ActorLevel, actorKey } from "./actor-level.js";
import { actorNames } from "./actor-names.js";
import type { AnalysisFilter } from "./analysis-filter.js";

export interface NetworkNode {
  readonly code: string;
  readonly name: string;
  /** Events on the kept edges that touch the node. */
  readonly count: number;
}

export interface NetworkEdge {
  readonly source: string;
  readonly target: string;
  readonly count: number;
  readonly byQuad: { readonly 1: number; readonly 2: number; readonly 3: number; readonly 4: number };
  readonly goldsteinSum: number;
  readonly goldsteinMean: number | null;
}

export interface ActorNetwork {
  readonly nodes: readonly NetworkNode[];
  readonly edges: readonly NetworkEdge[];
}

const round = (x: number) => Math.round(x * 1000) / 1000;

/**
 * The directed actor network of the de-duplicated events matching `filter`: one edge per (source, target) pair
 * with its event count per quad class and Goldstein sum and mean, the `limit` heaviest edges kept, and the nodes
 * those edges touch. Events without a target are not edges.
 */
export async function actorNetwork(
  db: Kysely<Database>,
  filter: AnalysisFilter,
  options: { readonly limit: number; readonly level: ActorLevel },
): Promise<ActorNetwork> {
  const codes = await resolveCodeLists(db, [filter]);
  const rows = await db
    .selectFrom("merged_events")
    .where((eb) =>
      eb.and([
        mergedEventConditions(db, eb, filter, { codes }),
        eb("merged_events.target_code", "is not", null),
      ]),
    )
    .select((eb) => [
      actorKey(eb, "source", options.level).as("a"),
      actorKey(eb, "target", options.level).as("b"),
      "merged_events.quad as quad",
      eb.fn.countAll<number>().as("n"),
      eb.fn.sum<number>("merged_events.goldstein").as("g"),
    ])
    .groupBy(["a", "b", "quad"])
    .execute();
  const edges = new Map<
    string,
    { source: string; target: string; count: number; byQuad: Record<1 | 2 | 3 | 4, number>; g: number }
  >();
  for (const r of rows) {
    if (!r.a || !r.b) continue;
    const key = `${r.a}\u0000${r.b}`;
    let e = edges.get(key);
    if (!e) {
      e = { source: r.a, target: r.b, count: 0, byQuad: { 1: 0, 2: 0, 3: 0, 4: 0 }, g: 0 };
      edges.set(key, e);
    }
    const n = Number(r.n);
    const q = Number(r.quad);
    e.count += n;
    if (q === 1 || q === 2 || q === 3 || q === 4) e.byQuad[q] += n;
    e.g += Number(r.g ?? 0);
  }
  const kept = [...edges.values()]
    .sort((x, y) => y.count - x.count || x.source.localeCompare(y.source) || x.target.localeCompare(y.target))
    .slice(0, options.limit);
  const degree = new Map<string, number>();
  for (const e of kept) {
    degree.set(e.source, (degree.get(e.source) ?? 0) + e.count);
    if (e.target !== e.source) degree.set(e.target, (degree.get(e.target) ?? 0) + e.count);
  }
  const names = await actorNames(db, [...degree.keys()]);
  return {
    nodes: [...degree.entries()]
      .map(([code, count]) => ({ code, name: names.get(code) ?? code, count }))
      .sort((x, y) => y.count - x.count || x.code.localeCompare(y.code)),
    edges: kept.map((e) => ({
      source: e.source,
      target: e.target,
      count: e.count,
      byQuad: e.byQuad,
      goldsteinSum: round(e.g),
      goldsteinMean: e.count > 0 ? round(e.g / e.count) : null,
    })),
  };
}
