import type { ModalityStatus } from "../types/event.js";

/**
 * Tellings of one event merge when their dates lie within this many days of the earliest date of the merged event
 * (the window's anchor): outlets date the same meeting by the day it happened, the day it was reported, or "on
 * Tuesday" resolved a day off.
 */
export const MERGE_WINDOW_DAYS = 3;

/** What merging needs to know about one coded event (one telling) of a story cluster. */
export interface Telling {
  readonly id: string;
  readonly articleId: string;
  /** Where the article came from (see `articleOutlet`), for the `sources` count. */
  readonly outlet: string;
  readonly date: string | null;
  readonly sourceCode: string;
  readonly targetCode: string | null;
  readonly cameoCode: string;
  readonly status: ModalityStatus;
  /** Offset of the trigger in the article: orders tellings inside one article. */
  readonly position: number;
}

/** One de-duplicated event: named by its canonical telling, with GDELT-like counts over all its tellings. */
export interface MergedTellings {
  /** Id of the canonical telling: the one from the smallest article id, earliest in that article. */
  readonly id: string;
  readonly canonical: Telling;
  readonly tellings: readonly Telling[];
  /** Number of tellings. */
  readonly mentions: number;
  /** Distinct outlets. */
  readonly sources: number;
  /** Distinct articles. */
  readonly articles: number;
}

const DAY_MS = 86_400_000;

function dayNumber(date: string): number {
  const ms = Date.parse(`${date.slice(0, 10)}T00:00:00Z`);
  return Number.isNaN(ms) ? Number.NaN : Math.floor(ms / DAY_MS);
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Canonical order: smallest article id first, then position in the article, then event id. */
export function compareTellings(a: Telling, b: Telling): number {
  return compareStrings(a.articleId, b.articleId) || a.position - b.position || compareStrings(a.id, b.id);
}

function merged(tellings: Telling[]): MergedTellings {
  tellings.sort(compareTellings);
  const canonical = tellings[0] as Telling;
  return {
    id: canonical.id,
    canonical,
    tellings,
    mentions: tellings.length,
    sources: new Set(tellings.map((t) => t.outlet)).size,
    articles: new Set(tellings.map((t) => t.articleId)).size,
  };
}

/**
 * Merges the tellings of one story cluster into events. Tellings are the same event when they share the dyad
 * (source and target codes), the CAMEO code and the modality status (a denial and an assertion stay apart), and
 * their dates fall in the same window: sorted by date, a window opens at the first date not yet covered and holds
 * every date up to `windowDays` later. Undated tellings of a key form one event of their own. The result depends
 * only on the set of tellings, never on their order, and is sorted by event id.
 */
export function mergeTellings(
  tellings: readonly Telling[],
  windowDays = MERGE_WINDOW_DAYS,
): MergedTellings[] {
  const groups = new Map<string, Telling[]>();
  for (const telling of tellings) {
    const key = [telling.sourceCode, telling.targetCode ?? "", telling.cameoCode, telling.status].join(
      "\u0000",
    );
    const group = groups.get(key);
    if (group) group.push(telling);
    else groups.set(key, [telling]);
  }
  const out: MergedTellings[] = [];
  for (const group of groups.values()) {
    const undated: Telling[] = [];
    const dated: { telling: Telling; day: number }[] = [];
    for (const telling of group) {
      const day = telling.date === null ? Number.NaN : dayNumber(telling.date);
      if (Number.isNaN(day)) undated.push(telling);
      else dated.push({ telling, day });
    }
    if (undated.length > 0) out.push(merged(undated));
    dated.sort((a, b) => a.day - b.day || compareTellings(a.telling, b.telling));
    let window: Telling[] = [];
    let anchor = Number.NaN;
    for (const { telling, day } of dated) {
      if (window.length > 0 && day - anchor > windowDays) {
        out.push(merged(window));
        window = [];
      }
      if (window.length === 0) anchor = day;
      window.push(telling);
    }
    if (window.length > 0) out.push(merged(window));
  }
  return out.sort((a, b) => compareStrings(a.id, b.id));
}
