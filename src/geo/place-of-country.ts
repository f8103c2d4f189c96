import { gazetteer } from "./gazetteer.js";
import type { Place } from "./place.js";

/** The country's place (its common name and the centre point world-countries gives), by ISO3; null if unknown. */
export function placeOfCountry(iso3: string): Place | null {
  const e = gazetteer().countries.get(iso3.toUpperCase());
  if (e === undefined) return null;
  return { name: e.name, country: e.country, lat: e.lat, lon: e.lon };
}
