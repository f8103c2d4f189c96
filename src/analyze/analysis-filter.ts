import type { EventFilter } from "../types/store.js";

/** Filters the analyses understand: everything in `EventFilter` but full-text search, one article and paging. */
export type AnalysisFilter = Omit<EventFilter, "q" | "sentence" | "limit" | "offset" | "articleId">;
