import type { Interval } from "../types/store.js";
import { periodStart, shiftPeriod } from "./period-start.js";

/** Events of one dyad on one day in one quad class: what the alert statistic is computed from. */
export interface DyadDayCount {
  readonly a: string;
  readonly b: string;
  /** `YYYY-MM-DD`. */
  readonly date: string;
  readonly quad: 1 | 2 | 3 | 4;
  readonly count: number;
  readonly goldsteinSum: number;
}

export interface DepartureOptions {
  readonly interval: Interval;
  /** Start of the period examined. */
  readonly period: string;
  /** How many previous periods form the baseline. */
  readonly history: number;
  /** Smallest |z| reported. */
  readonly threshold: number;
  /** A rise needs at least this many events in the period; a fall needs a baseline mean at least this high. */
  readonly minCount: number;
}

/** A dyad whose cooperation or conflict in one period departs from its own previous periods. */
export interface DyadDeparture {
  readonly a: string;
  readonly b: string;
  readonly kind: "cooperation" | "conflict";
  readonly direction: "rise" | "fall";
  readonly period: string;
  readonly count: number;
  /** Mean count over the previous periods (periods without events count as 0). */
  readonly baseline: number;
  readonly sd: number;
  /** `(count - baseline) / max(sd, sqrt(baseline), 1)`: the Poisson floor keeps one event on a quiet dyad from scoring infinity. */
  readonly score: number;
  readonly goldsteinMean: number | null;
  readonly baselineGoldsteinMean: number | null;
}

interface Tally {
  coop: number[];
  conflict: number[];
  gSum: number[];
  gCount: number[];
}

const round = (x: number) => Math.round(x * 1000) / 1000;

/**
 * Scores every dyad in `rows` against its own history: for cooperation (quads 1+2) and conflict (quads 3+4)
 * separately, the count in `period` versus the mean and standard deviation of the `history` periods before
 * it. Rows outside those periods are ignored. Sorted by |score|, strongest first.
 */
export function dyadDepartures(rows: Iterable<DyadDayCount>, options: DepartureOptions): DyadDeparture[] {
  const { interval, period, history } = options;
  const first = shiftPeriod(period, interval, -history);
  const index = new Map<string, number>();
  for (let i = 0; i <= history; i++) index.set(shiftPeriod(first, interval, i), i);
  const dyads = new Map<string, Tally & { a: string; b: string }>();
  for (const r of rows) {
    const i = index.get(periodStart(r.date, interval));
    if (i === undefined) continue;
    const key = `${r.a}\u0000${r.b}`;
    let t = dyads.get(key);
    if (!t) {
      const zeros = () => Array<number>(history + 1).fill(0);
      t = { a: r.a, b: r.b, coop: zeros(), conflict: zeros(), gSum: zeros(), gCount: zeros() };
      dyads.set(key, t);
    }
    (r.quad <= 2 ? t.coop : t.conflict)[i]! += r.count;
    t.gSum[i]! += r.goldsteinSum;
    t.gCount[i]! += r.count;
  }
  const out: DyadDeparture[] = [];
  for (const t of dyads.values()) {
    const gNow = t.gCount[history]! > 0 ? t.gSum[history]! / t.gCount[history]! : null;
    const gPrevCount = t.gCount.slice(0, history).reduce((s, x) => s + x, 0);
    const gPrev = gPrevCount > 0 ? t.gSum.slice(0, history).reduce((s, x) => s + x, 0) / gPrevCount : null;
    for (const kind of ["cooperation", "conflict"] as const) {
      const series = kind === "cooperation" ? t.coop : t.conflict;
      const count = series[history]!;
      const prev = series.slice(0, history);
      const mean = prev.reduce((s, x) => s + x, 0) / history;
      const sd = Math.sqrt(prev.reduce((s, x) => s + (x - mean) ** 2, 0) / history);
      const score = (count - mean) / Math.max(sd, Math.sqrt(mean), 1);
      const rise = score >= options.threshold && count >= options.minCount;
      const fall = score <= -options.threshold && mean >= options.minCount;
      if (!rise && !fall) continue;
      out.push({
        a: t.a,
        b: t.b,
        kind,
        direction: rise ? "rise" : "fall",
        period,
        count,
        baseline: round(mean),
        sd: round(sd),
        score: round(score),
        goldsteinMean: gNow === null ? null : round(gNow),
        baselineGoldsteinMean: gPrev === null ? null : round(gPrev),
      });
    }
  }
  return out.sort(
    (x, y) => Math.abs(y.score) - Math.abs(x.score) || x.a.localeCompare(y.a) || x.b.localeCompare(y.b),
  );
}
