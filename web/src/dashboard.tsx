/**
 * The dashboard page: choose an actor or a dyad and see its relation over time; the actor network, the map of event
 * places and the alerts give the overview; then page through the events with their modality and open one to see
 * the evidence in its article. What is shown lives in the URL hash.
 */
import { useCallback, useEffect, useMemo, useState } from "preact/hooks";
import { ActorNetwork } from "./actor-network.js";
import { AlertList } from "./alert-list.js";
import {
  type Alert,
  api,
  type EventPage,
  type EventQuery,
  type Interval,
  type NetworkEdge,
  SELECTABLE_ACTOR,
  type SeriesPoint,
  type StoredEvent,
  type TopActor,
} from "./api.js";
import { ArticleView } from "./article-view.js";
import {
  type ChartMode,
  type DashboardState,
  type EventFilters as Filters,
  readDashboardState,
  writeDashboardState,
} from "./dashboard-state.js";
import { DyadPicker } from "./dyad-picker.js";
import { EventFilters } from "./event-filters.js";
import { EventMap } from "./event-map.js";
import { EventTable } from "./event-table.js";
import { SeriesChart } from "./series-chart.js";
import { useResource } from "./use-resource.js";

const PAGE_SIZE = 25;
const MAP_LIMIT = 500;
const ALERT_INTERVAL: Interval = "week";
/** The deepest offset the API pages to (src/server/api-schemas.ts `MAX_OFFSET`). */
const MAX_OFFSET = 10_000;

/** The chosen dyad's series, or the chosen actor's (either side). */
function loadSeries(
  state: DashboardState,
  signal: AbortSignal,
): Promise<{ readonly points: readonly SeriesPoint[] }> {
  return state.b
    ? api.series(state.a, state.b, { interval: state.interval, directed: state.directed }, signal)
    : api.actorSeries(state.a, { interval: state.interval }, signal);
}

async function loadActors(signal: AbortSignal): Promise<TopActor[]> {
  const [countries, actors] = await Promise.all([
    api.topActors({ level: "country", limit: 60 }, signal),
    api.topActors({ level: "actor", limit: 60 }, signal),
  ]);
  const seen = new Set<string>();
  return [...countries, ...actors].filter(
    (x) => SELECTABLE_ACTOR.test(x.code) && !seen.has(x.code) && seen.add(x.code),
  );
}

/** The table filters, plus the chosen actor (either side) or the chosen dyad (one direction or both). */
function eventQuery(state: DashboardState): EventQuery {
  const f = state.filters;
  const who: EventQuery =
    state.a && state.b
      ? state.directed
        ? { source: state.a, target: state.b }
        : { dyad: `${state.a},${state.b}` }
      : state.a
        ? { actor: state.a }
        : {};
  return { ...who, root: f.root, quad: f.quad, status: f.status, from: f.from, to: f.to, q: f.q };
}

function loadEvents(
  state: DashboardState,
  offset: number,
  limit: number,
  signal: AbortSignal,
): Promise<EventPage> {
  return api.events({ ...eventQuery(state), limit, offset }, signal);
}

/** The dyads with the most events in either direction, as (a, b) pairs in the direction with more events. */
function busiestPairs(edges: readonly NetworkEdge[], limit: number): NetworkEdge[] {
  const pairs = new Map<string, NetworkEdge>();
  const selectable = edges.filter(
    (e) => e.source !== e.target && SELECTABLE_ACTOR.test(e.source) && SELECTABLE_ACTOR.test(e.target),
  );
  for (const e of selectable.sort((x, y) => y.count - x.count)) {
    const key = [e.source, e.target].sort().join(" ");
    const seen = pairs.get(key);
    pairs.set(key, seen ? { ...seen, count: seen.count + e.count } : { ...e });
  }
  return [...pairs.values()].sort((x, y) => y.count - x.count).slice(0, limit);
}

/** The last day of the period starting at `t`. */
function periodEnd(t: string, interval: Interval): string {
  const d = new Date(`${t}T00:00:00Z`);
  if (interval === "day") return t;
  if (interval === "week") d.setUTCDate(d.getUTCDate() + 6);
  else {
    d.setUTCMonth(d.getUTCMonth() + 1);
    d.setUTCDate(0);
  }
  return d.toISOString().slice(0, 10);
}

export function Dashboard() {
  const [state, setState] = useState<DashboardState>(() => readDashboardState(location.hash));
  const [selected, setSelected] = useState<StoredEvent | null>(null);

  useEffect(() => {
    const onHash = (): void => setState(readDashboardState(location.hash));
    addEventListener("hashchange", onHash);
    return () => removeEventListener("hashchange", onHash);
  }, []);
  const update = useCallback((change: (s: DashboardState) => DashboardState) => {
    setState((previous) => {
      const next = change(previous);
      const hash = writeDashboardState(next);
      if (hash !== location.hash) history.replaceState(null, "", hash || location.pathname + location.search);
      return next;
    });
  }, []);

  const actors = useResource("actors", loadActors);
  const network = useResource("network", (signal) => api.network({ level: "country", limit: 150 }, signal));
  const alerts = useResource(`alerts@${state.alertsAt}`, (signal) =>
    api.alerts({ interval: ALERT_INTERVAL, at: state.alertsAt }, signal),
  );

  // The chart always shows the whole history; the date filter (set by clicking a period) narrows the table.
  const seriesKey = state.a ? JSON.stringify([state.a, state.b, state.directed, state.interval]) : null;
  const series = useResource(seriesKey, (signal) => loadSeries(state, signal));

  const whichEvents = JSON.stringify([state.a, state.b, state.directed, state.filters]);
  const events = useResource(`${whichEvents}@${state.offset}`, (signal) =>
    loadEvents(state, state.offset, PAGE_SIZE, signal),
  );
  const mapEvents = useResource(whichEvents, (signal) => loadEvents(state, 0, MAP_LIMIT, signal));

  useEffect(() => {
    if (!state.eventId) setSelected(null);
    else if (selected?.id !== state.eventId) {
      const found = events.data?.events.find((e) => e.id === state.eventId);
      if (found) setSelected(found);
    }
  }, [state.eventId, events.data]);

  const busiest = useMemo(() => busiestPairs(network.data?.edges ?? [], 8), [network.data]);
  const names = useMemo(() => new Map((actors.data ?? []).map((x) => [x.code, x.name])), [actors.data]);
  const label = (code: string): string => (names.get(code) ? `${code} (${names.get(code)})` : code);
  const arrow = state.directed ? "→" : "↔";
  const title = state.a
    ? state.b
      ? `${label(state.a)} ${arrow} ${label(state.b)}`
      : label(state.a)
    : "All actors";

  const pick = (a: string, b: string): void => {
    update((s) => ({ ...s, a, b, offset: 0, eventId: "" }));
  };
  const setFilters = (filters: Filters): void => update((s) => ({ ...s, filters, offset: 0 }));
  const open = (event: StoredEvent): void => {
    setSelected(event);
    update((s) => ({ ...s, eventId: event.id }));
  };
  const pickAlert = (alert: Alert): void => {
    update((s) => ({
      ...s,
      a: alert.a,
      b: alert.b,
      directed: true,
      offset: 0,
      eventId: "",
      interval: ALERT_INTERVAL,
      filters: { ...s.filters, from: alert.period, to: periodEnd(alert.period, ALERT_INTERVAL) },
    }));
  };

  return (
    <>
      <header class="top">
        <div class="brand">
          <h1>dyad</h1>
          <span class="tagline">who did what to whom, and why we think so</span>
        </div>
        <DyadPicker a={state.a} b={state.b} actors={actors.data ?? []} dyads={busiest} onPick={pick} />
      </header>
      <main>
        <section class="panel" aria-labelledby="relation-heading">
          <header class="panel-head">
            <h2 id="relation-heading" data-testid="relation-title">
              {title}
            </h2>
            <div class="controls">
              {state.b && (
                <label>
                  Direction
                  <select
                    name="direction"
                    value={state.directed ? "ab" : "both"}
                    onChange={(e) =>
                      update((s) => ({ ...s, directed: e.currentTarget.value === "ab", offset: 0 }))
                    }
                  >
                    <option value="both">both ways</option>
                    <option value="ab">{`${state.a} → ${state.b} only`}</option>
                  </select>
                </label>
              )}
              <label>
                Interval
                <select
                  name="interval"
                  value={state.interval}
                  onChange={(e) => update((s) => ({ ...s, interval: e.currentTarget.value as Interval }))}
                >
                  <option value="day">day</option>
                  <option value="week">week</option>
                  <option value="month">month</option>
                </select>
              </label>
              <label>
                Show
                <select
                  name="mode"
                  value={state.mode}
                  onChange={(e) => update((s) => ({ ...s, mode: e.currentTarget.value as ChartMode }))}
                >
                  <option value="coop-conflict">cooperation vs conflict</option>
                  <option value="quads">the four quad classes</option>
                </select>
              </label>
            </div>
          </header>
          {!state.a && (
            <p class="muted">Choose an actor or a dyad above to see how the relation moves over time.</p>
          )}
          {series.error && (
            <p class="error" role="alert">
              Series unavailable: {series.error}
            </p>
          )}
          {state.a && series.data && (
            <SeriesChart
              points={series.data.points}
              mode={state.mode}
              interval={state.interval}
              title={title}
              range={{ from: state.filters.from, to: state.filters.to }}
              onPickPeriod={(t) =>
                setFilters({ ...state.filters, from: t, to: periodEnd(t, state.interval) })
              }
            />
          )}
          {state.a && series.loading && !series.data && <p class="muted">Loading series…</p>}
        </section>

        <div class="grid">
          <section class="panel" aria-labelledby="network-heading">
            <header class="panel-head">
              <h2 id="network-heading">Actor network</h2>
            </header>
            {network.error && <p class="error">Network unavailable: {network.error}</p>}
            {network.data && (
              <ActorNetwork
                network={network.data}
                a={state.a}
                b={state.b}
                linkTo={(a, b) => writeDashboardState({ ...state, a, b, offset: 0, eventId: "" }) || "#"}
              />
            )}
          </section>
          <section class="panel" aria-labelledby="map-heading">
            <header class="panel-head">
              <h2 id="map-heading">Where</h2>
            </header>
            {mapEvents.error && <p class="error">Map unavailable: {mapEvents.error}</p>}
            {mapEvents.data && <EventMap events={mapEvents.data.events} total={mapEvents.data.total} />}
          </section>
          <section class="panel" aria-labelledby="alerts-heading">
            <header class="panel-head">
              <h2 id="alerts-heading">Alerts</h2>
              <label>
                Week of
                <input
                  type="date"
                  name="alerts-at"
                  value={state.alertsAt}
                  title="Any day in the week to examine; empty for the latest week with events"
                  onChange={(e) => update((s) => ({ ...s, alertsAt: e.currentTarget.value }))}
                />
              </label>
            </header>
            {alerts.error && <p class="error">Alerts unavailable: {alerts.error}</p>}
            {alerts.data && <AlertList alerts={alerts.data} period={ALERT_INTERVAL} onPick={pickAlert} />}
          </section>
        </div>
        <div class={selected ? "split open" : "split"}>
          <section class="panel" aria-labelledby="events-heading">
            <header class="panel-head">
              <h2 id="events-heading">Events</h2>
            </header>
            <EventFilters filters={state.filters} onChange={setFilters} />
            {events.error && (
              <p class="error" role="alert">
                Events unavailable: {events.error}
              </p>
            )}
            {events.data && (
              <EventTable
                events={events.data.events}
                total={events.data.total}
                totalExact={events.data.totalExact}
                reachable={Math.min(events.data.total, MAX_OFFSET + PAGE_SIZE)}
                offset={state.offset}
                limit={PAGE_SIZE}
                selectedId={selected?.id ?? ""}
                onOpen={open}
                onPage={(offset) => update((s) => ({ ...s, offset }))}
              />
            )}
          </section>
          {selected && (
            <ArticleView
              event={selected}
              onOpen={open}
              onClose={() => {
                setSelected(null);
                update((s) => ({ ...s, eventId: "" }));
              }}
            />
          )}
        </div>
      </main>
      <footer class="foot">
        Counts and series include asserted events only; the table shows every modality. Data from{" "}
        <code>/api</code>.
      </footer>
    </>
  );
}
