/**
 * What the dashboard is showing — the chosen dyad or actor, the interval, the event filters, the page and the open
 * event — kept in the URL hash so a view can be bookmarked, shared, or opened directly
 * (`#a=RUS&b=CHN&dir=ab&interval=week`).
 */
import type { Interval } from "./api.js";

export type ChartMode = "coop-conflict" | "quads";

export interface EventFilters {
  readonly root: string;
  readonly quad: string;
  readonly status: string;
  readonly from: string;
  readonly to: string;
  readonly q: string;
}

export interface DashboardState {
  readonly a: string;
  readonly b: string;
  /** Only events from `a` toward `b` (else both directions). */
  readonly directed: boolean;
  readonly interval: Interval;
  readonly mode: ChartMode;
  readonly filters: EventFilters;
  readonly offset: number;
  readonly eventId: string;
  /** A date in the period the alerts examine; empty for the latest period with events. */
  readonly alertsAt: string;
}

export const EMPTY_FILTERS: EventFilters = { root: "", quad: "", status: "", from: "", to: "", q: "" };

export const INITIAL_STATE: DashboardState = {
  a: "",
  b: "",
  directed: false,
  interval: "month",
  mode: "coop-conflict",
  filters: EMPTY_FILTERS,
  offset: 0,
  eventId: "",
  alertsAt: "",
};

const INTERVALS: readonly Interval[] = ["day", "week", "month"];
const ACTOR_CODE = /^[A-Z0-9]{0,30}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Reads a state from a URL hash (`#a=RUS&b=CHN`), ignoring anything malformed. */
export function readDashboardState(hash: string): DashboardState {
  const p = new URLSearchParams(hash.replace(/^#/, ""));
  const code = (key: string): string => {
    const value = (p.get(key) ?? "").trim().toUpperCase();
    return ACTOR_CODE.test(value) ? value : "";
  };
  const date = (key: string): string => {
    const value = p.get(key) ?? "";
    return DATE.test(value) ? value : "";
  };
  const interval = p.get("interval") as Interval | null;
  const offset = Number.parseInt(p.get("offset") ?? "0", 10);
  return {
    a: code("a"),
    b: code("b"),
    directed: p.get("dir") === "ab",
    interval: interval && INTERVALS.includes(interval) ? interval : INITIAL_STATE.interval,
    mode: p.get("mode") === "quads" ? "quads" : "coop-conflict",
    filters: {
      root: /^\d{2}$/.test(p.get("root") ?? "") ? (p.get("root") ?? "") : "",
      quad: /^[1-4]$/.test(p.get("quad") ?? "") ? (p.get("quad") ?? "") : "",
      status: /^[a-z_,]+$/.test(p.get("status") ?? "") ? (p.get("status") ?? "") : "",
      from: date("from"),
      to: date("to"),
      q: (p.get("q") ?? "").slice(0, 200),
    },
    offset: Number.isFinite(offset) && offset > 0 ? offset : 0,
    eventId: (p.get("event") ?? "").slice(0, 200),
    alertsAt: date("at"),
  };
}

/** Writes a state as a URL hash, leaving out defaults so links stay short. */
export function writeDashboardState(state: DashboardState): string {
  const p = new URLSearchParams();
  const put = (key: string, value: string, fallback = ""): void => {
    if (value !== fallback) p.set(key, value);
  };
  put("a", state.a);
  put("b", state.b);
  put("dir", state.directed ? "ab" : "");
  put("interval", state.interval, INITIAL_STATE.interval);
  put("mode", state.mode, INITIAL_STATE.mode);
  for (const [key, value] of Object.entries(state.filters)) put(key, value);
  put("offset", String(state.offset), "0");
  put("event", state.eventId);
  put("at", state.alertsAt);
  const text = p.toString();
  return text ? `#${text}` : "";
}
