/**
 * Where the chosen events happened: one circle per place, sized by its number of events and coloured by their mean
 * Goldstein score, on an offline SVG world map (loaded only when the map is first shown) zoomed to the places, or
 * the whole world on request.
 */
import { useEffect, useMemo, useState } from "preact/hooks";
import type { StoredEvent } from "./api.js";

type WorldModule = typeof import("./world-outline.js");

interface Place {
  readonly key: string;
  readonly name: string;
  readonly lat: number;
  readonly lon: number;
  readonly count: number;
  readonly goldstein: number;
}

function places(events: readonly StoredEvent[]): Place[] {
  const byKey = new Map<string, { name: string; lat: number; lon: number; count: number; sum: number }>();
  for (const e of events) {
    const where = e.location;
    if (!where || where.lat === null || where.lon === null) continue;
    const key = `${where.lat.toFixed(1)},${where.lon.toFixed(1)}`;
    const entry = byKey.get(key) ?? { name: where.name, lat: where.lat, lon: where.lon, count: 0, sum: 0 };
    entry.count += 1;
    entry.sum += e.cameo.goldstein;
    byKey.set(key, entry);
  }
  return [...byKey.entries()]
    .map(([key, p]) => ({
      key,
      name: p.name,
      lat: p.lat,
      lon: p.lon,
      count: p.count,
      goldstein: p.sum / p.count,
    }))
    .sort((x, y) => y.count - x.count);
}

function tone(goldstein: number): string {
  if (goldstein > 0.5) return "#1b7f3b";
  if (goldstein < -0.5) return "#c62828";
  return "#6d6d6d";
}

export function EventMap({
  events,
  total,
}: {
  readonly events: readonly StoredEvent[];
  readonly total: number;
}) {
  const [module, setModule] = useState<WorldModule | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const [whole, setWhole] = useState(false);
  useEffect(() => {
    import("./world-outline.js").then(setModule, (error: unknown) => setFailed(String(error)));
  }, []);
  const spots = useMemo(() => places(events), [events]);
  const world = useMemo(
    () => module?.worldOutline(whole ? [] : spots.map((p) => [p.lon, p.lat] as const)) ?? null,
    [module, spots, whole],
  );
  if (failed) return <p class="error">Map unavailable: {failed}</p>;
  if (!module || !world) return <p class="muted">Loading map…</p>;
  const located = spots.reduce((sum, p) => sum + p.count, 0);
  const maxCount = Math.max(1, ...spots.map((p) => p.count));
  return (
    <figure class="map" data-testid="event-map">
      <svg
        viewBox={`0 0 ${module.MAP_WIDTH} ${module.MAP_HEIGHT}`}
        role="img"
        aria-label={`Map of ${located} located events at ${spots.length} places`}
      >
        <path class="sphere" d={world.sphere} />
        <path class="graticule" d={world.graticule} />
        <path class="land" d={world.land} />
        <path class="borders" d={world.borders} />
        <g class="places">
          {spots.map((p) => {
            const xy = world.project(p.lon, p.lat);
            if (!xy) return null;
            return (
              <circle
                key={p.key}
                data-testid="map-point"
                cx={xy[0].toFixed(1)}
                cy={xy[1].toFixed(1)}
                r={(4 + 14 * Math.sqrt(p.count / maxCount)).toFixed(1)}
                fill={tone(p.goldstein)}
              >
                <title>{`${p.name}: ${p.count} events, mean Goldstein ${p.goldstein.toFixed(1)}`}</title>
              </circle>
            );
          })}
        </g>
      </svg>
      <figcaption>
        {spots.length > 0 && (
          <button type="button" class="secondary small" onClick={() => setWhole(!whole)}>
            {whole ? "Zoom to the events" : "Whole world"}
          </button>
        )}{" "}
        {located} of {events.length} events shown have a place
        {total > events.length
          ? ` (the map uses the newest ${events.length} of ${total} matching events)`
          : ""}
        .
      </figcaption>
    </figure>
  );
}
