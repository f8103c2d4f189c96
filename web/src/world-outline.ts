/**
 * The world drawn for the event map: land, country borders and a graticule from Natural Earth 1:110m (world-atlas,
 * bundled, so the map works offline), in a Natural Earth projection fitted to a fixed viewBox — the whole globe,
 * or the box around a set of places.
 */
import { geoGraticule10, geoNaturalEarth1, geoPath } from "d3-geo";
import { feature, mesh } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";
import countries from "world-atlas/countries-110m.json";

export const MAP_WIDTH = 960;
export const MAP_HEIGHT = 500;

const topology = countries as unknown as Topology<{
  countries: GeometryCollection;
  land: GeometryCollection;
}>;
const land = feature(topology, topology.objects.land);
const borders = mesh(topology, topology.objects.countries, (x, y) => x !== y);
const graticule = geoGraticule10();

export interface WorldOutline {
  readonly sphere: string;
  readonly graticule: string;
  readonly land: string;
  readonly borders: string;
  /** Screen position of a longitude/latitude, or null when it is off the map. */
  readonly project: (lon: number, lat: number) => readonly [number, number] | null;
}

/**
 * The world fitted to the viewBox; with `focus` ([lon, lat] pairs), fitted to the box around them, widened to at
 * least `minSpan` degrees so a single place still shows its region.
 */
export function worldOutline(focus: readonly (readonly [number, number])[] = [], minSpan = 24): WorldOutline {
  const extent: [[number, number], [number, number]] = [
    [4, 4],
    [MAP_WIDTH - 4, MAP_HEIGHT - 4],
  ];
  const projection = geoNaturalEarth1();
  if (focus.length > 0) {
    const lons = focus.map((p) => p[0]);
    const lats = focus.map((p) => p[1]);
    const [west, east] = widen(Math.min(...lons), Math.max(...lons), minSpan * 1.6, -180, 180);
    const [south, north] = widen(Math.min(...lats), Math.max(...lats), minSpan, -85, 85);
    projection.fitExtent(extent, {
      type: "MultiPoint",
      coordinates: [
        [west, south],
        [east, north],
        [west, north],
        [east, south],
      ],
    });
  } else {
    projection.fitExtent(extent, { type: "Sphere" });
  }
  const path = geoPath(projection);
  return {
    sphere: path({ type: "Sphere" }) ?? "",
    graticule: path(graticule) ?? "",
    land: path(land) ?? "",
    borders: path(borders) ?? "",
    project: (lon, lat) => {
      const p = projection([lon, lat]);
      return p ? [p[0], p[1]] : null;
    },
  };
}

/** Widens [low, high] around its middle to at least `span`, within [min, max]. */
function widen(low: number, high: number, span: number, min: number, max: number): [number, number] {
  const pad = Math.max(0, span - (high - low)) / 2 + (high - low) * 0.1;
  return [Math.max(min, low - pad), Math.min(max, high + pad)];
}
