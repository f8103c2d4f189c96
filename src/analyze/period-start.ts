import { periodStart } from "../store/period-start.js";
import type { Interval } from "../types/store.js";

export { periodStart };

const DAY_MS = 86_400_000;

function toDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** The start of the period `n` periods after (or before, for negative `n`) the period starting at `start`. */
export function shiftPeriod(start: string, interval: Interval, n: number): string {
  const ms = Date.parse(`${start}T00:00:00Z`);
  if (interval === "day") return toDate(ms + n * DAY_MS);
  if (interval === "week") return toDate(ms + 7 * n * DAY_MS);
  const d = new Date(ms);
  return toDate(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + n, 1));
}

/** The last day of the period starting at `start` (periods as the store's series counts them: weeks start Monday). */
export function periodEnd(start: string, interval: Interval): string {
  return toDate(Date.parse(`${shiftPeriod(start, interval, 1)}T00:00:00Z`) - DAY_MS);
}
