import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Country } from "world-countries";
import { DyadError } from "../types/errors.js";
import type { PlaceKind } from "./place.js";

/** One place the gazetteer knows, under one of its names. */
export interface GazetteerEntry {
  /** Canonical name ("Kharkiv", "Washington, D.C.", "Russia", "Gaza Strip"). */
  readonly name: string;
  /** ISO 3166-1 alpha-3. */
  readonly country: string;
  readonly lat: number;
  readonly lon: number;
  readonly kind: PlaceKind;
  readonly population: number;
  /** A national capital (cities only). */
  readonly capital: boolean;
  /** Set for names that match only when written exactly so ("US", "U.S."). */
  readonly exact: string | null;
}

/** The compiled gazetteer: every name keyed by its normalised form, best candidate first. */
export interface Gazetteer {
  /** Normalised name → candidates, countries before regions before cities, larger cities first. */
  readonly byName: ReadonlyMap<string, readonly GazetteerEntry[]>;
  /** Names accepted in datelines only ("UNITED NATIONS" → New York City). */
  readonly datelineOnly: ReadonlyMap<string, readonly GazetteerEntry[]>;
  /** First word of a name (normalised) → the longest name, in characters, that starts with it. */
  readonly longestByFirstWord: ReadonlyMap<string, number>;
  /** Normalised names never taken as places in running text. */
  readonly never: ReadonlySet<string>;
  /** Normalised names that are also persons' names. */
  readonly personLike: ReadonlySet<string>;
  /** ISO3 → country entry. */
  readonly countries: ReadonlyMap<string, GazetteerEntry>;
}

const DATA = new URL("../../data/geo/", import.meta.url);
const KIND_RANK: Record<PlaceKind, number> = { country: 0, region: 1, city: 2 };

/** Lowercase, strip diacritics, unify apostrophes and spaces: the key names are stored and looked up by. */
export function normaliseName(s: string): string {
  let out = s;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: ASCII range test
  if (/[^\u0000-\u007f]/.test(out)) {
    out = out
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .replace(/[’‘ʻʼ`´]/g, "'");
  }
  return out.toLowerCase().replace(/\s+/g, " ");
}

/** The first run of letters and digits of a normalised name ("port" for "port-au-prince"). */
export function firstWord(normalised: string): string {
  let i = 0;
  while (i < normalised.length && isWordChar(normalised.charCodeAt(i))) i++;
  return normalised.slice(0, i);
}

function isWordChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c > 127;
}

function rows(file: string, columns: number): string[][] {
  const text = readFileSync(new URL(file, DATA), "utf8");
  const out: string[][] = [];
  let header = true;
  for (const [i, line] of text.split("\n").entries()) {
    if (line.startsWith("#") || line.trim() === "") continue;
    if (header) {
      header = false;
      continue;
    }
    const cells = line.split("\t");
    if (cells.length < columns || cells.slice(0, columns).some((c) => c === "")) {
      throw new DyadError(
        "KNOWLEDGE_INVALID",
        `data/geo/${file} line ${i + 1}: expected ${columns} columns: "${line}"`,
      );
    }
    out.push(cells);
  }
  return out;
}

function num(file: string, value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n))
    throw new DyadError("KNOWLEDGE_INVALID", `data/geo/${file}: not a number: "${value}"`);
  return n;
}

function preferred(a: GazetteerEntry, b: GazetteerEntry): number {
  return KIND_RANK[a.kind] - KIND_RANK[b.kind] || b.population - a.population;
}

/** True when `alias` must be matched exactly as written: capitals only or with periods ("US", "U.S."). */
function isExactForm(alias: string): boolean {
  return alias.length <= 6 && (alias.includes(".") || alias === alias.toUpperCase());
}

/** Alternative keys: "Saint X" is also written "St. X" and "St X", and the reverse. */
function variants(key: string): string[] {
  if (key.startsWith("saint ")) return [key, `st. ${key.slice(6)}`, `st ${key.slice(6)}`];
  if (key.startsWith("st. ")) return [key, `saint ${key.slice(4)}`];
  return [key];
}

let loaded: Gazetteer | null = null;

/** The gazetteer, compiled from data/geo and world-countries on first use. */
export function gazetteer(): Gazetteer {
  if (loaded === null) loaded = compileGazetteer();
  return loaded;
}

function compileGazetteer(): Gazetteer {
  const byName = new Map<string, GazetteerEntry[]>();
  const datelineOnly = new Map<string, GazetteerEntry[]>();
  const add = (map: Map<string, GazetteerEntry[]>, name: string, entry: GazetteerEntry) => {
    for (const key of variants(normaliseName(name))) {
      const list = map.get(key);
      if (list === undefined) map.set(key, [entry]);
      else if (!list.includes(entry)) list.push(entry);
    }
  };

  const byIso3 = new Map<string, GazetteerEntry>();
  const countries = createRequire(import.meta.url)("world-countries") as readonly Country[];
  for (const c of countries) {
    const entry: GazetteerEntry = {
      name: c.name.common,
      country: c.cca3,
      lat: c.latlng[0],
      lon: c.latlng[1],
      kind: "country",
      population: 0,
      capital: false,
      exact: null,
    };
    byIso3.set(c.cca3, entry);
    const names = new Set([c.name.common, c.name.official]);
    for (const alt of c.altSpellings) {
      // Two-letter codes and "Korea, Republic of" inversions are not how news names a country.
      if (alt.length <= 3 || alt.includes(", ")) continue;
      if (!/[A-Za-z]/.test(alt)) continue;
      names.add(alt);
    }
    for (const name of names) add(byName, name, entry);
  }
  for (const [alias, iso3] of rows("country-aliases.tsv", 2) as [string, string][]) {
    const country = byIso3.get(iso3);
    if (country === undefined)
      throw new DyadError("KNOWLEDGE_INVALID", `data/geo/country-aliases.tsv: unknown country "${iso3}"`);
    add(byName, alias, isExactForm(alias) ? { ...country, exact: alias } : country);
  }

  for (const [name, iso3, lat, lon] of rows("regions.tsv", 4) as [string, string, string, string][]) {
    if (!byIso3.has(iso3))
      throw new DyadError("KNOWLEDGE_INVALID", `data/geo/regions.tsv: unknown country "${iso3}"`);
    add(byName, name, {
      name,
      country: iso3,
      lat: num("regions.tsv", lat),
      lon: num("regions.tsv", lon),
      kind: "region",
      population: 0,
      capital: false,
      exact: null,
    });
  }

  const cityByNameCountry = new Map<string, GazetteerEntry>();
  const aliasKeys = new Set<string>();
  for (const [name, iso3, lat, lon, population, capital] of rows("cities.tsv", 6) as [
    string,
    string,
    string,
    string,
    string,
    string,
  ][]) {
    const entry: GazetteerEntry = {
      name,
      country: iso3,
      lat: num("cities.tsv", lat),
      lon: num("cities.tsv", lon),
      kind: "city",
      population: num("cities.tsv", population),
      capital: capital === "1",
      exact: null,
    };
    const key = `${iso3}|${name}`;
    if (!cityByNameCountry.has(key)) cityByNameCountry.set(key, entry);
    add(byName, name, entry);
  }
  for (const [alias, city, iso3, scope] of rows("city-aliases.tsv", 4) as [
    string,
    string,
    string,
    string,
  ][]) {
    const entry = cityByNameCountry.get(`${iso3}|${city}`);
    if (entry === undefined) {
      throw new DyadError("KNOWLEDGE_INVALID", `data/geo/city-aliases.tsv: no city "${city}" in ${iso3}`);
    }
    if (scope === "dateline") add(datelineOnly, alias, entry);
    else if (scope === "any") {
      // An alias names one place: it goes first, before same-named places elsewhere ("Washington" in England).
      for (const key of variants(normaliseName(alias))) {
        const rest = (byName.get(key) ?? []).filter((e) => e !== entry).sort(preferred);
        byName.set(key, [entry, ...rest]);
        aliasKeys.add(key);
      }
    } else throw new DyadError("KNOWLEDGE_INVALID", `data/geo/city-aliases.tsv: unknown scope "${scope}"`);
  }

  const never = new Set<string>();
  const personLike = new Set<string>();
  for (const [name, kind] of rows("stoplist.tsv", 2) as [string, string][]) {
    if (kind === "never") never.add(normaliseName(name));
    else if (kind === "person") personLike.add(normaliseName(name));
    else throw new DyadError("KNOWLEDGE_INVALID", `data/geo/stoplist.tsv: unknown kind "${kind}"`);
  }

  const longestByFirstWord = new Map<string, number>();
  for (const [key, list] of byName) {
    // An alias's city was put first on purpose; elsewhere order by kind and size.
    if (!aliasKeys.has(key)) list.sort(preferred);
    const first = firstWord(key);
    if (first === "") continue;
    longestByFirstWord.set(first, Math.max(longestByFirstWord.get(first) ?? 0, key.length));
  }
  return { byName, datelineOnly, longestByFirstWord, never, personLike, countries: byIso3 };
}
