/**
 * The world drawn once for the event map: land, country borders and a graticule from Natural Earth 1:110m
 * (world-atlas, bundled, so the map works offline), in a Natural Earth projection fitted to a fixed viewBox.
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
const projection = geoNaturalEarth1().fitExtent(
  [
    [4, 4],
    [MAP_WIDTH - 4, MAP_HEIGHT - 4],
  ],
  { type: "Sphere" },
);
const path = geoPath(projection);

export const worldOutline = {
  sphere: path({ type: "Sphere" }) ?? "",
  graticule: path(geoGraticule10()) ?? "",
  land: path(feature(topology, topology.objects.land)) ?? "",
  borders: path(mesh(topology, topology.objects.countries, (x, y) => x !== y)) ?? "",
};

/** Screen position of a longitude/latitude, or null when it is off the map. */
export function projectPoint(lon: number, lat: number): readonly [number, number] | null {
  const p = projection([lon, lat]);
  return p ? [p[0], p[1]] : null;
}
