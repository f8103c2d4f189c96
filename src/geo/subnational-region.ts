import { gazetteer, normaliseName } from "./gazetteer.js";

/**
 * First-level regions (states, provinces, Länder) from data/geo/regions.tsv, by normalised name and by the
 * demonym adjective formed from a name ending in "-a" ("Bavaria" → "Bavarian", "California" → "Californian"),
 * each with its country (ISO alpha-3). The actor stage reads a region right before a title as the country of a
 * sub-national office ("Florida Governor …", "Ontario Premier …", "Bavarian Interior Minister …").
 */
let table: Map<string, string> | null = null;

function regions(): Map<string, string> {
  if (table) return table;
  const out = new Map<string, string>();
  const ambiguous = new Set<string>();
  const put = (key: string, iso3: string): void => {
    const had = out.get(key);
    if (had && had !== iso3) ambiguous.add(key);
    else out.set(key, iso3);
  };
  for (const entries of gazetteer().byName.values()) {
    for (const e of entries) {
      if (e.kind !== "region") continue;
      const key = normaliseName(e.name);
      put(key, e.country);
      if (key.endsWith("a")) put(`${key}n`, e.country);
    }
  }
  // a name (or its "-n" adjective) that is also a country's is not taken as a region here
  for (const key of [...out.keys()]) {
    const base = key.endsWith("n") && out.has(key.slice(0, -1)) ? key.slice(0, -1) : key;
    const named = gazetteer().byName.get(base) ?? [];
    if (named.some((e) => e.kind === "country")) ambiguous.add(key);
  }
  for (const key of ambiguous) out.delete(key);
  table = out;
  return out;
}

/** The country of the first-level region named by `words` (their text, joined by spaces), or null. */
export function countryOfRegion(name: string): string | null {
  return regions().get(normaliseName(name)) ?? null;
}

/** The most words a region name in the table has. */
export const REGION_MAX_WORDS = 3;
