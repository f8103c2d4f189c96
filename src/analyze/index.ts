/**
 * Read-side analyses over the store (event pages and series are the store's own `events`/`series`): the actors in
 * the most events, the actor network weighted by quad class, alerts for dyads whose cooperation or conflict
 * departs from their own history, and an article with the evidence of its events located in its clean text.
 * Input: the store's Kysely instance (`store.db`, schema in src/store/schema.ts; filters through the store's
 * `mergedEventConditions`) or rows the store returned; output: plain JSON-ready objects. Queries are built with
 * Kysely (every value bound), never from strings.
 */
export { type ActorLevel, actorKey } from "./actor-level.js";
export { actorNames } from "./actor-names.js";
export { type ActorNetwork, actorNetwork, type NetworkEdge, type NetworkNode } from "./actor-network.js";
export type { AnalysisFilter } from "./analysis-filter.js";
export { type ArticleView, articleView, type EvidenceKind, type EvidenceSpan } from "./article-view.js";
export { alignCleanText, rawSpanToClean } from "./clean-alignment.js";
export { type AlertOptions, type DyadAlert, dyadAlerts } from "./dyad-alerts.js";
export {
  type DepartureOptions,
  type DyadDayCount,
  type DyadDeparture,
  dyadDepartures,
} from "./dyad-departures.js";
export { periodEnd, periodStart, shiftPeriod } from "./period-start.js";
export { type TopActor, topActors } from "./top-actors.js";
