import type { Interval } from "../types/store.js";

const DAY_MS = 86_400_000;

function iso(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** Days from 1970-01-01 to a civil date (proleptic Gregorian), with integer arithmetic only. */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  return era * 146097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy - 719468;
}

/** Start of the period holding `date` (`YYYY-MM-DD`): the day itself, the Monday of its ISO week, or the 1st of its month. */
export function periodStart(date: string, interval: Interval): string {
  const day = date.slice(0, 10);
  if (interval === "day") return day;
  if (interval === "month") return `${day.slice(0, 7)}-01`;
  // Series sum thousands of days: find the weekday with integer arithmetic, and build no Date when the Monday is
  // in the same month.
  const digit = (i: number) => day.charCodeAt(i) - 48;
  const y = digit(0) * 1000 + digit(1) * 100 + digit(2) * 10 + digit(3);
  const d = digit(8) * 10 + digit(9);
  const ms = () => Date.parse(`${day}T00:00:00Z`);
  let weekday = (((daysFromCivil(y, digit(5) * 10 + digit(6), d) + 3) % 7) + 7) % 7; // Monday = 0
  if (!(weekday >= 0 && weekday < 7)) weekday = (new Date(ms()).getUTCDay() + 6) % 7;
  const monday = d - weekday;
  if (monday >= 10) return day.slice(0, 8) + monday;
  if (monday >= 1) return `${day.slice(0, 8)}0${monday}`;
  return iso(ms() - weekday * DAY_MS);
}

/** The start of the period after the one starting at `start`. */
export function nextPeriod(start: string, interval: Interval): string {
  const ms = Date.parse(`${start}T00:00:00Z`);
  if (interval === "day") return iso(ms + DAY_MS);
  if (interval === "week") return iso(ms + 7 * DAY_MS);
  const d = new Date(ms);
  return iso(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1));
}
