import type { Dateline } from "../types/doc.js";
import { type GazetteerEntry, gazetteer, normaliseName } from "./gazetteer.js";
import type { Place } from "./place.js";

function toPlace(e: GazetteerEntry): Place {
  return { name: e.name, country: e.country, lat: e.lat, lon: e.lon };
}

/**
 * The place of a dateline: its first part is a city ("MOSCOW", "KABUL, Afghanistan", "UNITED NATIONS"),
 * chosen within the country or region of its second part when there is one, else the most populous of
 * that name. A city the gazetteer does not know falls back to the second part's country or region
 * ("SMALLTOWN, Ukraine" → Ukraine). The stoplist does not apply: "READING, England" is a place.
 */
export function placeOfDateline(d: Dateline): Place | null {
  const g = gazetteer();
  const [cityPart = "", ...rest] = d.place.split(",").map((p) => p.trim());
  const key = normaliseName(cityPart);
  const candidates = g.datelineOnly.get(key) ?? g.byName.get(key) ?? [];
  const regionPart = rest.join(", ");
  const region =
    regionPart === "" ? undefined : g.byName.get(normaliseName(regionPart))?.find((e) => e.kind !== "city");
  const cities = candidates.filter((e) => e.exact === null || e.exact === cityPart);
  if (region !== undefined) {
    const inRegion = cities.find((e) => e.country === region.country);
    if (inRegion) return toPlace(inRegion);
    if (cities.length === 0) return toPlace(region);
  }
  // A dateline names a city: prefer one over a same-named country ("KUWAIT" is Kuwait City's dateline too).
  const city = cities.find((e) => e.kind === "city");
  const best = city ?? cities[0];
  if (best !== undefined) return toPlace(best);
  return region === undefined ? null : toPlace(region);
}
