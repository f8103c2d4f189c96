import { type Expression, type ExpressionBuilder, type Kysely, type SqlBool, sql } from "kysely";
import { DyadError } from "../types/errors.js";
import type { EventFilter } from "../types/store.js";
import type { Database } from "./schema.js";
import type { StoreBackend } from "./store-backend.js";

type Eb = ExpressionBuilder<Database, "merged_events">;
type ActorColumn = "source_code" | "target_code";

/** Upper bound of a code prefix range: `RUS` → `RUT`, so `code >= 'RUS' AND code < 'RUT'` can use an index. */
export function prefixEnd(prefix: string): string {
  return prefix.slice(0, -1) + String.fromCharCode(prefix.charCodeAt(prefix.length - 1) + 1);
}

/**
 * The distinct codes of `column` that start with `prefix` (`RUS` → `RUS`, `RUSGOV`, `RUSMIL`, …), as a query (run
 * by `resolveCodeLists`) or a subquery for `column IN (…)`. Read by a recursive CTE that jumps from one code to the
 * next with one index seek each (a loose index scan, written in plain SQL so every engine runs it). An `IN` list of
 * exact codes lets the dyad indexes seek straight to each (source, target) pair, where a prefix range on the
 * leading column would read every event of the prefix.
 */
export function prefixCodes(db: Kysely<Database>, column: ActorColumn, prefix: string) {
  const end = prefixEnd(prefix);
  const col = `merged_events.${column}` as const;
  return db
    .withRecursive("prefix_codes(code)", (qc) =>
      qc
        .selectNoFrom((eb) =>
          eb
            .selectFrom("merged_events")
            .select((inner) => inner.fn.min<string>(col).as("first_code"))
            .where(col, ">=", prefix)
            .where(col, "<", end)
            .as("code"),
        )
        .unionAll((step) =>
          step
            .selectFrom("prefix_codes")
            .select((eb) =>
              eb
                .selectFrom("merged_events")
                .select((inner) => inner.fn.min<string>(col).as("next_code"))
                .where(col, ">", eb.ref("prefix_codes.code"))
                .where(col, "<", end)
                .as("code"),
            )
            .where("prefix_codes.code", "is not", null),
        ),
    )
    .selectFrom("prefix_codes")
    .select("prefix_codes.code")
    .where("prefix_codes.code", "is not", null);
}

/** A filter, less the events that also match `exclude` (its actor fields: `source`, `target`). */
export interface FilterPart extends EventFilter {
  readonly exclude?: Pick<EventFilter, "source" | "target">;
}

/**
 * `filter` as disjoint parts whose union it is, each readable from one index without an OR: an actor on either
 * side becomes "as source" plus "as target, not also as source"; a dyad becomes its two directions, the second
 * without the events the first already has (prefixes can overlap: RUS and RUSGOV). Other filters are one part.
 * An OR over two indexes makes the engine fetch every candidate row from the table; the parts stay in the
 * covering dyad indexes.
 */
export function filterParts(filter: EventFilter): FilterPart[] {
  const { actor, dyad, ...rest } = filter;
  if (actor && !dyad && !filter.source && !filter.target) {
    return [
      { ...rest, source: actor },
      { ...rest, target: actor, exclude: { source: actor } },
    ];
  }
  if (dyad && !actor && !filter.source && !filter.target) {
    const [a, b] = dyad;
    return [
      { ...rest, source: a, target: b },
      { ...rest, source: b, target: a, exclude: { source: a, target: b } },
    ];
  }
  return [filter];
}

/** The codes each actor prefix of a filter stands for, as read by `resolveCodeLists`. */
export type CodeLists = ReadonlyMap<string, readonly string[]>;

const codeListKey = (column: ActorColumn, prefix: string) => `${column} ${prefix}`;

/** The (column, prefix) pairs a filter's actor conditions test. */
function prefixesOf(filter: EventFilter): [ActorColumn, string][] {
  const out: [ActorColumn, string][] = [];
  if (filter.source) out.push(["source_code", filter.source]);
  if (filter.target) out.push(["target_code", filter.target]);
  if (filter.actor) out.push(["source_code", filter.actor], ["target_code", filter.actor]);
  if (filter.dyad) {
    const [a, b] = filter.dyad;
    out.push(["source_code", a], ["target_code", b], ["source_code", b], ["target_code", a]);
  }
  return out;
}

/**
 * Reads the codes behind every actor prefix of `filters` (one `prefixCodes` query each, a few index seeks), so the
 * queries that follow carry them as plain `IN (…)` lists. A list of known length is what lets the planner see that
 * seeking each (source, target) pair in a dyad index beats walking a date range.
 */
export async function resolveCodeLists(
  db: Kysely<Database>,
  filters: readonly EventFilter[],
): Promise<CodeLists> {
  const lists = new Map<string, readonly string[]>();
  for (const filter of filters) {
    for (const [column, prefix] of prefixesOf(filter)) {
      const key = codeListKey(column, prefix);
      if (lists.has(key)) continue;
      const rows = await prefixCodes(db, column, prefix).execute();
      lists.set(
        key,
        rows.flatMap((r) => (r.code === null ? [] : [String(r.code)])),
      );
    }
  }
  return lists;
}

export interface ConditionOptions {
  /**
   * The codes behind the filter's actor prefixes (`resolveCodeLists`); prefixes missing here are read inside the
   * query instead (a `prefixCodes` subquery).
   */
  readonly codes?: CodeLists;
  /** Needed for full-text (`q`, `sentence`) filters. */
  readonly backend?: StoreBackend;
  /**
   * Keep the database off every index but the date index: conditions on other columns are written as expressions
   * (`(code || '')`, `quad + 0`) that no index serves, so the planner walks `merged_events_date` newest first and
   * stops at the page. For filters that match a large share of the events; the caller decides (see `KyselyStore`).
   */
  readonly dateWalk?: boolean;
}

/**
 * The conditions of `filter` on `merged_events` (the de-duplicated events) as one expression, with the store's
 * meaning: actor codes are prefixes, the CAMEO code exact, dates inclusive, full text through the backend's index.
 * Every value is bound as a parameter. Shared by the store's event pages and counts and by the analyses.
 */
export function mergedEventConditions(
  db: Kysely<Database>,
  eb: Eb,
  filter: FilterPart,
  options: ConditionOptions = {},
): Expression<SqlBool> {
  const walk = options.dateWalk ?? false;
  const text = (c: "source_code" | "target_code" | "cameo_root" | "cameo_code" | "status" | "id") =>
    walk ? sql<string>`(${sql.ref(`merged_events.${c}`)} || '')` : eb.ref(`merged_events.${c}`);
  /** Codes starting with `prefix`: an exact-code IN list for the indexes, or a range when walking dates. */
  const codes = (column: ActorColumn, prefix: string): Expression<SqlBool> => {
    if (walk) return eb.and([eb(text(column), ">=", prefix), eb(text(column), "<", prefixEnd(prefix))]);
    const list = options.codes?.get(codeListKey(column, prefix));
    if (!list) return eb(`merged_events.${column}`, "in", prefixCodes(db, column, prefix));
    return list.length > 0 ? eb(`merged_events.${column}`, "in", [...list]) : sql<SqlBool>`1 = 0`;
  };
  /** Source in `a`, target in `b`. */
  const directed = (a: string, b: string): Expression<SqlBool> =>
    eb.and([codes("source_code", a), codes("target_code", b)]);

  const all: Expression<SqlBool>[] = [];
  if (filter.source) all.push(codes("source_code", filter.source));
  if (filter.target) all.push(codes("target_code", filter.target));
  if (filter.actor) {
    all.push(eb.or([codes("source_code", filter.actor), codes("target_code", filter.actor)]));
  }
  if (filter.dyad) {
    const [a, b] = filter.dyad;
    all.push(eb.or([directed(a, b), directed(b, a)]));
  }
  if (filter.exclude) {
    const { source, target } = filter.exclude;
    const range = (column: ActorColumn, prefix: string) => [
      eb(text(column), ">=", prefix),
      eb(text(column), "<", prefixEnd(prefix)),
    ];
    all.push(
      eb.not(
        eb.and([
          ...(source ? range("source_code", source) : []),
          ...(target ? range("target_code", target) : []),
        ]),
      ),
    );
  }
  if (filter.root) all.push(eb(text("cameo_root"), "=", filter.root));
  if (filter.code) {
    // The root is the code's first two digits: saying so lets the root index serve code filters.
    all.push(eb(text("cameo_root"), "=", filter.code.slice(0, 2)), eb(text("cameo_code"), "=", filter.code));
  }
  if (filter.quad !== undefined) {
    all.push(
      eb(
        walk ? sql<number>`(${sql.ref("merged_events.quad")} + 0)` : eb.ref("merged_events.quad"),
        "=",
        filter.quad,
      ),
    );
  }
  if (filter.status && filter.status.length > 0) all.push(eb(text("status"), "in", [...filter.status]));
  if (filter.from) all.push(eb("merged_events.date", ">=", filter.from));
  if (filter.to) all.push(eb("merged_events.date", "<=", filter.to));
  const tellingIn = (where: (inner: ExpressionBuilder<Database, "events">) => Expression<SqlBool>) =>
    eb(text("id"), "in", eb.selectFrom("events").select("events.merged_id").where(where));
  if (filter.articleId) {
    const id = filter.articleId;
    all.push(tellingIn((inner) => inner("events.article_id", "=", id)));
  }
  for (const [q, kind] of [
    [filter.q, "article"],
    [filter.sentence, "sentence"],
  ] as const) {
    if (!q) continue;
    const backend = options.backend;
    if (!backend) throw new DyadError("USAGE", "full-text filters need the store backend");
    all.push(
      tellingIn((inner) =>
        kind === "article"
          ? backend.articleMatches(inner.ref("events.article_id"), q)
          : backend.sentenceMatches(inner.ref("events.id"), q),
      ),
    );
  }
  return eb.and(all);
}
