import type { Doc, Token } from "../types/doc.js";
import { firstWord, type GazetteerEntry, gazetteer, normaliseName } from "./gazetteer.js";
import type { PlaceMention } from "./place.js";

/** Capitalised words that make the next name a different place ("New Mexico", "South Sudan" if unlisted). */
const DIRECTIONAL = new Set([
  "New",
  "North",
  "South",
  "East",
  "West",
  "Northern",
  "Southern",
  "Eastern",
  "Western",
  "Central",
  "Upper",
  "Lower",
  "Greater",
  "British",
  "Little",
]);
/** Words after a city name that keep it a place ("Kherson Oblast", "Basra province"), compared lowercased. */
const PLACE_WORDS = new Set([
  "oblast",
  "province",
  "governorate",
  "region",
  "district",
  "county",
  "city",
  "prefecture",
  "municipality",
  "airport",
  "port",
  "harbour",
  "harbor",
]);
/** Prepositions after which a capitalised name is a place ("clashes in Kharkiv", "flew to Sumy"). */
const LOCATIVES = new Set([
  "in",
  "at",
  "near",
  "from",
  "to",
  "outside",
  "into",
  "across",
  "around",
  "toward",
  "towards",
  "via",
  "through",
  "throughout",
  "between",
  "within",
  "inside",
  "over",
  "off",
  "nearby",
]);
/** Words that make a following "of" locative ("north of Sumy", "the city of Sumy"). */
const OF_PLACE = new Set([
  "north",
  "south",
  "east",
  "west",
  "northeast",
  "northwest",
  "southeast",
  "southwest",
  "city",
  "town",
  "village",
  "province",
  "region",
  "port",
  "capital",
  "outskirts",
  "suburbs",
  "centre",
  "center",
  "mayor",
  "governor",
  "residents",
  "people",
]);
/** Words joining a list of places ("in Sumy, Poltava and Kharkiv"). */
const LIST_JOINERS = new Set([",", "and", "or"]);
/** Lower-case words allowed inside a multi-word name ("Rio de Janeiro", "Isle of Man"). */
const CONNECTORS = new Set([
  "de",
  "del",
  "la",
  "las",
  "los",
  "le",
  "les",
  "da",
  "do",
  "dos",
  "du",
  "des",
  "di",
  "al",
  "el",
  "es",
  "ez",
  "e",
  "i",
  "of",
  "the",
  "and",
  "upon",
  "am",
  "an",
  "der",
  "sur",
  "au",
  "aux",
  "en",
  "y",
]);
/**
 * A one-word city this large, or a capital, is a place wherever it stands ("Moscow said", "Basra's oil").
 * A smaller one is very often also a surname ("Bush", "Harper", "Allen"), so it must stand where places
 * stand: after a locative preposition, in a list of places, before ", Country" or before "province".
 */
const LANDMARK_POPULATION = 1_000_000;
/** A name in text may be a little longer than its key (doubled spaces, combining accents). */
const LENGTH_SLACK = 4;

function isUpperInitial(s: string): boolean {
  const c = s.charCodeAt(0);
  if (c >= 65 && c <= 90) return true;
  if (c < 128) return false;
  const ch = s.charAt(0);
  return ch !== ch.toLowerCase();
}

function isLowerInitial(s: string): boolean {
  const c = s.charCodeAt(0);
  if (c >= 97 && c <= 122) return true;
  if (c < 128) return false;
  const ch = s.charAt(0);
  return ch !== ch.toUpperCase();
}

function isAllCapsShort(s: string): boolean {
  if (s.length > 3) return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (!(c >= 65 && c <= 90)) return false;
  }
  return true;
}

/** A capitalised name-like word (a person's first or last name, an organisation word). */
function isNameWord(t: Token | undefined): boolean {
  return t !== undefined && isUpperInitial(t.text) && (t.pos === "PROPN" || t.pos === "NOUN");
}

interface Match {
  /** Last token of the match (inclusive). */
  readonly last: number;
  readonly key: string;
  readonly raw: string;
  readonly entries: readonly GazetteerEntry[];
}

/** Every gazetteer name starting at token `i`, longest first, within tokens `[i, end)`. */
function matchesAt(doc: Doc, i: number, end: number): Match[] {
  const g = gazetteer();
  const { text, tokens } = doc;
  const t = tokens[i]!;
  const first = firstWord(t.lower.charCodeAt(0) < 128 ? t.lower : normaliseName(t.text));
  const longest = g.longestByFirstWord.get(first);
  if (longest === undefined) return [];
  const found: Match[] = [];
  for (let j = i; j < end; j++) {
    const stop = tokens[j]!.end;
    if (stop - t.start > longest + LENGTH_SLACK) break;
    const raw = text.slice(t.start, stop);
    const key = normaliseName(raw);
    const entries = g.byName.get(key);
    if (entries !== undefined) found.push({ last: j, key, raw, entries });
  }
  return found.reverse();
}

/** The candidates a match may stand for here, or none when context says it is not a place. */
function acceptable(
  doc: Doc,
  i: number,
  m: Match,
  sentenceStart: number,
  sentenceEnd: number,
  lastMention: number,
): GazetteerEntry[] {
  const g = gazetteer();
  const { tokens } = doc;
  if (g.never.has(m.key)) return [];
  const candidates = m.entries.filter((e) => e.exact === null || e.exact === m.raw);
  if (candidates.length === 0) return [];
  const first = tokens[i]!;
  if (isAllCapsShort(first.text) && candidates[0]!.exact === null) return [];
  for (let k = i + 1; k <= m.last; k++) {
    const t = tokens[k]!;
    if (isLowerInitial(t.text) && !CONNECTORS.has(t.lower)) return [];
  }
  const prev = i > sentenceStart ? tokens[i - 1] : undefined;
  if (prev !== undefined && DIRECTIONAL.has(prev.text) && prev.end + 1 >= first.start) return [];
  const next = m.last + 1 < sentenceEnd ? tokens[m.last + 1] : undefined;
  const best = candidates[0]!;
  const smallTown =
    m.last === i && best.kind === "city" && best.population < LANDMARK_POPULATION && !best.capital;
  if (g.personLike.has(m.key) || smallTown) {
    if (isNameWord(prev) && !DIRECTIONAL.has(prev!.text)) return [];
    if (isNameWord(next) && !PLACE_WORDS.has(next!.lower)) return [];
  }
  if (smallTown && !placeContext(doc, i, m.last, sentenceStart, sentenceEnd, lastMention)) return [];
  return candidates;
}

/** Whether tokens i..last stand where a place stands (see LANDMARK_POPULATION). */
function placeContext(
  doc: Doc,
  i: number,
  last: number,
  sentenceStart: number,
  sentenceEnd: number,
  lastMention: number,
): boolean {
  const { tokens } = doc;
  const prev = i > sentenceStart ? tokens[i - 1]! : undefined;
  if (prev !== undefined) {
    if (LOCATIVES.has(prev.lower)) return true;
    if (prev.lower === "of" && i - 2 >= sentenceStart && OF_PLACE.has(tokens[i - 2]!.lower)) return true;
    if (LIST_JOINERS.has(prev.lower) && lastMention === i - 2) return true;
  }
  const next = last + 1 < sentenceEnd ? tokens[last + 1]! : undefined;
  if (next !== undefined && PLACE_WORDS.has(next.lower)) return true;
  return countryAfter(doc, last, sentenceEnd) !== null;
}

/** A country or region named right after ", " — "Tripoli, Lebanon" — picks among same-named cities. */
function countryAfter(doc: Doc, last: number, sentenceEnd: number): string | null {
  const { tokens } = doc;
  const comma = tokens[last + 1];
  if (comma === undefined || comma.text !== "," || last + 2 >= sentenceEnd) return null;
  for (const m of matchesAt(doc, last + 2, sentenceEnd)) {
    const e = m.entries.find((x) => x.kind !== "city");
    if (e) return e.country;
  }
  return null;
}

/**
 * Finds the places named in a document: cities, countries and regions from the offline gazetteer
 * (data/geo + world-countries), longest name first, in capitalised words only. Names on the stoplist
 * ("Reading", "Mobile") are never places; person-like names ("Florence", "Jordan") and one-word towns
 * are skipped next to another capitalised name ("Florence Parly", "Paul Allen"), and one-word towns
 * that are neither capitals nor millionaire cities count only where a place stands ("in Sumy", "Sumy,
 * Ukraine", "Sumy province"), as many are also surnames ("Bush", "Harper"). A name after New/North/
 * South… is a different place ("New Mexico"). Among same-named places the country or region named
 * right after a comma decides ("Tripoli, Lebanon"), else the most populous.
 */
export function findPlaces(doc: Doc): PlaceMention[] {
  const out: PlaceMention[] = [];
  const { tokens } = doc;
  for (const s of doc.sentences) {
    let i = s.tokenStart;
    // Last token of the previous place found in this sentence, for lists of places.
    let lastMention = -2;
    while (i < s.tokenEnd) {
      const t = tokens[i]!;
      if (!isUpperInitial(t.text)) {
        i++;
        continue;
      }
      let taken = false;
      for (const m of matchesAt(doc, i, s.tokenEnd)) {
        const candidates = acceptable(doc, i, m, s.tokenStart, s.tokenEnd, lastMention);
        if (candidates.length === 0) continue;
        let chosen = candidates[0]!;
        if (candidates.length > 1) {
          const country = countryAfter(doc, m.last, s.tokenEnd);
          if (country !== null) chosen = candidates.find((c) => c.country === country) ?? chosen;
        }
        const lastToken = tokens[m.last]!;
        out.push({
          start: t.start,
          end: lastToken.end,
          sentence: s.index,
          name: chosen.name,
          country: chosen.country,
          lat: chosen.lat,
          lon: chosen.lon,
          kind: chosen.kind,
        });
        lastMention = m.last;
        i = m.last + 1;
        taken = true;
        break;
      }
      if (!taken) i++;
    }
  }
  return out;
}
