import type { Interval } from "../types/store.js";

const DAY_MS = 86_400_000;

function iso(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** Start of the period holding `date` (`YYYY-MM-DD`): the day itself, the Monday of its ISO week, or the 1st of its month. */
export function periodStart(date: string, interval: Interval): string {
  const day = date.slice(0, 10);
  if (interval === "day") return day;
  if (interval === "month") return `${day.slice(0, 7)}-01`;
  const ms = Date.parse(`${day}T00:00:00Z`);
  const weekday = (new Date(ms).getUTCDay() + 6) % 7; // Monday = 0
  return iso(ms - weekday * DAY_MS);
}

/** The start of the period after the one starting at `start`. */
export function nextPeriod(start: string, interval: Interval): string {
  const ms = Date.parse(`${start}T00:00:00Z`);
  if (interval === "day") return iso(ms + DAY_MS);
  if (interval === "week") return iso(ms + 7 * DAY_MS);
  const d = new Date(ms);
  return iso(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1));
}
