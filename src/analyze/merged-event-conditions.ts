import { type Expression, type ExpressionBuilder, type SqlBool, sql } from "kysely";
import type { Database } from "../store/schema.js";
import type { EventFilter } from "../types/store.js";

/** Filters the analyses understand (everything in `EventFilter` but full-text search and paging). */
export type AnalysisFilter = Omit<EventFilter, "q" | "sentence" | "limit" | "offset" | "articleId">;

type Eb = ExpressionBuilder<Database, "merged_events">;
type Column =
  | "merged_events.source_code"
  | "merged_events.target_code"
  | "merged_events.cameo_root"
  | "merged_events.cameo_code"
  | "merged_events.quad"
  | "merged_events.status";

export interface ConditionOptions {
  /**
   * SQLite only: write every condition but the dates as `+column`, which keeps the planner off those columns'
   * indexes — so it walks the date index newest first and stops at the page (for filters that match many rows).
   */
  readonly dateOrderOnly?: boolean;
}

/** Upper bound of a code prefix range: `RUS` → `RUT` (codes are upper-case letters and digits). */
function prefixEnd(prefix: string): string {
  return prefix.slice(0, -1) + String.fromCharCode(prefix.charCodeAt(prefix.length - 1) + 1);
}

/**
 * The conditions of `filter` on `merged_events` (the de-duplicated events), as one expression for
 * `.where(eb => mergedEventConditions(eb, filter))`, with the store's meaning: actor codes are prefixes (a range,
 * not LIKE, so the dyad indexes serve it), the CAMEO code is exact, dates inclusive. Every value is bound as a
 * parameter.
 */
export function mergedEventConditions(
  eb: Eb,
  filter: AnalysisFilter,
  options: ConditionOptions = {},
): Expression<SqlBool> {
  const col = (c: Column) => (options.dateOrderOnly ? sql`+${sql.ref(c)}` : eb.ref(c));
  const prefix = (c: "merged_events.source_code" | "merged_events.target_code", p: string) =>
    eb.and([eb(col(c), ">=", p), eb(col(c), "<", prefixEnd(p))]);
  const all: Expression<SqlBool>[] = [];
  if (filter.source) all.push(prefix("merged_events.source_code", filter.source));
  if (filter.target) all.push(prefix("merged_events.target_code", filter.target));
  if (filter.actor) {
    const a = filter.actor;
    all.push(eb.or([prefix("merged_events.source_code", a), prefix("merged_events.target_code", a)]));
  }
  if (filter.root) all.push(eb(col("merged_events.cameo_root"), "=", filter.root));
  if (filter.code) all.push(eb(col("merged_events.cameo_code"), "=", filter.code));
  if (filter.quad) all.push(eb(col("merged_events.quad"), "=", filter.quad));
  if (filter.status?.length) all.push(eb(col("merged_events.status"), "in", [...filter.status]));
  if (filter.from) all.push(eb("merged_events.date", ">=", filter.from));
  if (filter.to) all.push(eb("merged_events.date", "<=", filter.to));
  return eb.and(all);
}
