/**
 * A time series for one actor (either side of its events), counted in the browser from a list of its asserted
 * events, with the same periods as the API's dyad series (UTC days, weeks starting on Monday, calendar months).
 */
import type { Interval, SeriesPoint, StoredEvent } from "./api.js";

/** Start of the period that holds `date` (`YYYY-MM-DD`). */
export function periodStart(date: string, interval: Interval): string {
  if (interval === "day") return date.slice(0, 10);
  if (interval === "month") return `${date.slice(0, 7)}-01`;
  const d = new Date(`${date.slice(0, 10)}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
  return d.toISOString().slice(0, 10);
}

export function actorSeries(events: readonly StoredEvent[], interval: Interval): SeriesPoint[] {
  const byPeriod = new Map<
    string,
    { count: number; byQuad: [number, number, number, number]; sum: number }
  >();
  for (const e of events) {
    if (!e.date) continue;
    const t = periodStart(e.date, interval);
    const point = byPeriod.get(t) ?? { count: 0, byQuad: [0, 0, 0, 0], sum: 0 };
    point.count += 1;
    point.byQuad[e.cameo.quad - 1]! += 1;
    point.sum += e.cameo.goldstein;
    byPeriod.set(t, point);
  }
  return [...byPeriod.entries()]
    .sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0))
    .map(([t, p]) => ({
      t,
      count: p.count,
      byQuad: { 1: p.byQuad[0], 2: p.byQuad[1], 3: p.byQuad[2], 4: p.byQuad[3] },
      goldsteinSum: p.sum,
      goldsteinMean: p.count > 0 ? p.sum / p.count : null,
    }));
}
