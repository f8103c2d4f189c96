import { createRequire } from "node:module";
import type { Country } from "world-countries";

/** What the world-countries package says about one country, reduced to what names it in English news. */
export interface WorldCountryNames {
  readonly iso3: string;
  readonly name: string;
  readonly names: readonly string[];
  readonly adjectives: readonly string[];
  readonly people: readonly string[];
  /** Capital, named for the government when the country is sovereign (or PSE, TWN, Kosovo); else null. */
  readonly capital: string | null;
}

// Territories with their own government whose capitals news uses as metonyms, although the package does not list
// them as independent UN members.
const SOVEREIGN_EXTRA = new Set(["PSE", "TWN", "UNK"]);
const LATIN = /^[\p{Script=Latin}][\p{Script=Latin}0-9 .'’-]*$/u;

/** English plural of a demonym ("Afghan" → "Afghans"); null when the adjective is also the plural ("Chinese", "Swiss"). */
export function demonymPlural(adjective: string): string | null {
  if (/(ese|ss|sh|ch|x|z|s)$/i.test(adjective)) return null;
  return `${adjective}s`;
}

/** Reads the country names from the world-countries package (names, official names, alternative spellings, demonyms, capitals). */
export function worldCountryNames(): WorldCountryNames[] {
  const require = createRequire(import.meta.url);
  const countries = require("world-countries") as Country[];
  return countries.map((c) => {
    const names = new Set<string>([c.name.common, c.name.official]);
    for (const alt of c.altSpellings ?? []) {
      if (alt.length <= 2 || alt === c.cca2 || alt.includes(",") || !LATIN.test(alt)) continue;
      names.add(alt);
    }
    const adjectives = new Set<string>();
    const dem = c.demonyms?.eng;
    if (dem?.m) adjectives.add(dem.m);
    if (dem?.f) adjectives.add(dem.f);
    const people = new Set<string>();
    for (const a of adjectives) {
      const p = demonymPlural(a);
      if (p) people.add(p);
    }
    const sovereign = (c.independent && c.unMember) || SOVEREIGN_EXTRA.has(c.cca3);
    const capital = sovereign && c.capital?.[0] ? c.capital[0].replace(/\s+D\.C\.$/, "") : null;
    return {
      iso3: c.cca3,
      name: c.name.common,
      names: [...names].filter((n) => LATIN.test(n)),
      adjectives: [...adjectives].filter((n) => LATIN.test(n)),
      people: [...people],
      capital,
    };
  });
}
