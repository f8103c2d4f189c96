import type { ActorRef } from "../types/event.js";
import type { StoredEvent } from "../types/store.js";

/**
 * The columns of the `gdelt` export: the 61 columns of a GDELT 2.0 event table in GDELT's order (so tools that
 * read GDELT by position keep working), then four dyad columns. The file is tab-separated with one header line;
 * tabs and line breaks inside values become spaces; absent values are empty.
 *
 * How each column is filled:
 * - `GlobalEventID`: 1, 2, 3, ... in export order (GDELT ids are integers; the dyad id is in `DyadEventID`).
 * - `SQLDATE` YYYYMMDD, `MonthYear` YYYYMM, `Year`, `FractionDate` (year + day-of-year/365, 4 decimals), from the
 *   event date; all empty when the event has no date.
 * - `Actor{1,2}Code/Name/CountryCode`: the source (1) and target (2) actor; names upper-cased as in GDELT; the
 *   country is the ISO 3166 alpha-3 code (empty for international organisations).
 * - `Actor{1,2}KnownGroupCode`: for organisations (country `IGO`) the 3 letters after `IGO` (`IGOUNO` → `UNO`).
 * - `Actor{1,2}Type1Code..Type3Code`: the 3-letter sector codes that follow the country in the actor code
 *   (`RUSGOVMIL` → GOV, MIL); the actor's `sector` when the code has none of its own.
 * - `Actor{1,2}EthnicCode`, `Religion1Code`, `Religion2Code`: empty (not coded).
 * - `IsRootEvent`: 1 when the evidence sentence starts within the first {@link LEAD_CHARS} characters of the
 *   original text (the lead), else 0.
 * - `EventCode`, `EventBaseCode` (first 3 digits), `EventRootCode`, `QuadClass`, `GoldsteinScale`: from the CAMEO code.
 * - `NumMentions`, `NumSources`, `NumArticles`: the de-duplicated event's counts across all tellings.
 * - `AvgTone`: empty (dyad does not score tone).
 * - `Actor{1,2}Geo_*`: the actor's country only (type 1 = country); dyad locates events, not actors.
 * - `ActionGeo_*`: the event location. `Type` is 1 (country) when the place came from the actors' country, else
 *   4 (a named place); `CountryCode` is ISO alpha-3 (GDELT uses FIPS 10-4); ADM codes and FeatureID are empty.
 * - `DATEADDED`: empty (not recorded); `SOURCEURL`: the article URL, else the article id.
 * - dyad columns: `DyadEventID`, `ArticleID`, `ModalityStatus` (only `asserted` events happened as told),
 *   `Confidence`.
 */
export const GDELT_COLUMNS: readonly string[] = [
  "GlobalEventID",
  "SQLDATE",
  "MonthYear",
  "Year",
  "FractionDate",
  ...actorColumns("Actor1"),
  ...actorColumns("Actor2"),
  "IsRootEvent",
  "EventCode",
  "EventBaseCode",
  "EventRootCode",
  "QuadClass",
  "GoldsteinScale",
  "NumMentions",
  "NumSources",
  "NumArticles",
  "AvgTone",
  ...geoColumns("Actor1Geo"),
  ...geoColumns("Actor2Geo"),
  ...geoColumns("ActionGeo"),
  "DATEADDED",
  "SOURCEURL",
  "DyadEventID",
  "ArticleID",
  "ModalityStatus",
  "Confidence",
];

/** Characters from the start of the original text that count as the lead for `IsRootEvent`. */
export const LEAD_CHARS = 600;

function actorColumns(p: string): string[] {
  return [
    `${p}Code`,
    `${p}Name`,
    `${p}CountryCode`,
    `${p}KnownGroupCode`,
    `${p}EthnicCode`,
    `${p}Religion1Code`,
    `${p}Religion2Code`,
    `${p}Type1Code`,
    `${p}Type2Code`,
    `${p}Type3Code`,
  ];
}

function geoColumns(p: string): string[] {
  return [
    `${p}_Type`,
    `${p}_FullName`,
    `${p}_CountryCode`,
    `${p}_ADM1Code`,
    `${p}_ADM2Code`,
    `${p}_Lat`,
    `${p}_Long`,
    `${p}_FeatureID`,
  ];
}

type Cell = string | number | null;

function actorCells(a: ActorRef | null): Cell[] {
  if (!a) return Array<Cell>(10).fill(null);
  const isIgo = a.country === "IGO";
  const rest = a.country && a.code.startsWith(a.country) ? a.code.slice(a.country.length) : a.code;
  const chunks: string[] = rest.match(/.{3}/g) ?? [];
  const knownGroup = isIgo ? (chunks.shift() ?? null) : null;
  if (chunks.length === 0 && a.sector) chunks.push(a.sector);
  return [
    a.code,
    a.name.toUpperCase(),
    isIgo ? null : a.country,
    knownGroup,
    null,
    null,
    null,
    chunks[0] ?? null,
    chunks[1] ?? null,
    chunks[2] ?? null,
  ];
}

function actorGeoCells(a: ActorRef | null): Cell[] {
  if (!a?.country || a.country === "IGO") return Array<Cell>(8).fill(null);
  return [1, null, a.country, null, null, null, null, null];
}

function dateCells(date: string | null): Cell[] {
  const m = date ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(date) : null;
  if (!m) return [null, null, null, null];
  const [, y, mo, d] = m as unknown as [string, string, string, string];
  const year = Number(y);
  const start = Date.UTC(year, 0, 1);
  const dayOfYear = Math.floor((Date.UTC(year, Number(mo) - 1, Number(d)) - start) / 86_400_000) + 1;
  return [`${y}${mo}${d}`, `${y}${mo}`, y, (year + dayOfYear / 365).toFixed(4)];
}

/** One event as the cells of a GDELT row, in {@link GDELT_COLUMNS} order. */
export function gdeltRow(e: StoredEvent, globalId: number, url: string | null): Cell[] {
  const loc = e.location;
  const actionGeo: Cell[] = loc
    ? [loc.how === "actor" ? 1 : 4, loc.name, loc.country, null, null, loc.lat, loc.lon, null]
    : Array<Cell>(8).fill(null);
  return [
    globalId,
    ...dateCells(e.date),
    ...actorCells(e.source),
    ...actorCells(e.target),
    e.evidence.sentenceSpan[0] < LEAD_CHARS ? 1 : 0,
    e.cameo.code,
    e.cameo.code.slice(0, 3),
    e.cameo.root,
    e.cameo.quad,
    e.cameo.goldstein,
    e.mentions,
    e.sources,
    e.articles,
    null,
    ...actorGeoCells(e.source),
    ...actorGeoCells(e.target),
    ...actionGeo,
    null,
    url ?? e.articleId,
    e.id,
    e.articleId,
    e.modality.status,
    e.confidence,
  ];
}

/** Cells joined as one tab-separated line (with its newline); tabs and line breaks in values become spaces. */
export function gdeltLine(cells: readonly Cell[]): string {
  let line = "";
  for (let i = 0; i < cells.length; i++) {
    const c = cells[i];
    if (i > 0) line += "\t";
    if (c === null || c === undefined) continue;
    line += typeof c === "number" ? String(c) : c.replace(/[\t\r\n]+/g, " ");
  }
  return `${line}\n`;
}
