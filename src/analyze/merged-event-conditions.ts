import type { Expression, ExpressionBuilder, SqlBool } from "kysely";
import type { Database } from "../store/schema.js";
import type { EventFilter } from "../types/store.js";

/** Filters the analyses understand (everything in `EventFilter` but full-text search and paging). */
export type AnalysisFilter = Omit<EventFilter, "q" | "limit" | "offset" | "articleId">;

type Eb = ExpressionBuilder<Database, "merged_events">;

/** Upper bound of a code prefix range: `RUS` → `RUT` (codes are upper-case letters and digits). */
function prefixEnd(prefix: string): string {
  return prefix.slice(0, -1) + String.fromCharCode(prefix.charCodeAt(prefix.length - 1) + 1);
}

function prefix(
  eb: Eb,
  column: "merged_events.source_code" | "merged_events.target_code",
  p: string,
): Expression<SqlBool> {
  // A range, not LIKE, so the dyad indexes serve it (codes are upper-case letters and digits).
  return eb.and([eb(column, ">=", p), eb(column, "<", prefixEnd(p))]);
}

/**
 * The conditions of `filter` on `merged_events` (the de-duplicated events), as one expression for
 * `.where(eb => mergedEventConditions(eb, filter))`, with the store's meaning: actor codes are prefixes, the CAMEO
 * code is exact, dates inclusive. Every value is bound as a parameter.
 */
export function mergedEventConditions(eb: Eb, filter: AnalysisFilter): Expression<SqlBool> {
  const all: Expression<SqlBool>[] = [];
  if (filter.source) all.push(prefix(eb, "merged_events.source_code", filter.source));
  if (filter.target) all.push(prefix(eb, "merged_events.target_code", filter.target));
  if (filter.actor) {
    const a = filter.actor;
    all.push(eb.or([prefix(eb, "merged_events.source_code", a), prefix(eb, "merged_events.target_code", a)]));
  }
  if (filter.root) all.push(eb("merged_events.cameo_root", "=", filter.root));
  if (filter.code) all.push(eb("merged_events.cameo_code", "=", filter.code));
  if (filter.quad) all.push(eb("merged_events.quad", "=", filter.quad));
  if (filter.status?.length) all.push(eb("merged_events.status", "in", [...filter.status]));
  if (filter.from) all.push(eb("merged_events.date", ">=", filter.from));
  if (filter.to) all.push(eb("merged_events.date", "<=", filter.to));
  return eb.and(all);
}
