import * as chrono from "chrono-node";
import type { Sentence, TimeExpression, Token } from "../types/doc.js";
import { MONTH_NAMES, WEEKDAY_NAMES } from "./calendar-words.js";
import { tokenAt } from "./token-at.js";

/** Lowercased words that on their own can name a day (the cheap prefilter before chrono). */
const DAY_WORDS = new Set([...WEEKDAY_NAMES, "yesterday", "today", "tonight", "tomorrow", "ago"]);

/** Month names name a day only next to a number ("March 3", "3 March"); "in March", "may" are skipped. */
const MONTH_WORDS = new Set([
  ...MONTH_NAMES,
  "jan",
  "jan.",
  "feb",
  "feb.",
  "mar.",
  "apr",
  "apr.",
  "jun.",
  "jul.",
  "aug",
  "aug.",
  "sep.",
  "sept",
  "sept.",
  "oct",
  "oct.",
  "nov",
  "nov.",
  "dec",
  "dec.",
]);

/**
 * chrono's casual English parsers that can name a day. The others (clock times, "within 3 days", month or
 * year alone, "+2 weeks") name no day, and each parser costs a regex pass per call, so they are left out.
 */
const DAY_PARSERS = [
  "ENYearMonthDayParser",
  "ISOFormatParser",
  "SlashDateFormatParser",
  "ENMonthNameLittleEndianParser",
  "ENMonthNameMiddleEndianParser",
  "ENWeekdayParser",
  "ENTimeUnitAgoFormatParser",
  "ENCasualDateParser",
];

let dayParser: chrono.Chrono | null = null;

/** A chrono instance with only {@link DAY_PARSERS}; chrono's full casual set if a name is missing. */
export function dayChrono(): chrono.Chrono {
  if (dayParser === null) {
    const c = chrono.casual.clone();
    const kept = c.parsers.filter((p) => DAY_PARSERS.includes(p.constructor.name));
    if (kept.length === DAY_PARSERS.length) c.parsers = kept;
    dayParser = c;
  }
  return dayParser;
}

const FULL_WEEKDAY = /monday|tuesday|wednesday|thursday|friday|saturday|sunday/i;
/** Modifiers that chrono already interprets ("last Monday", "next Monday"); the news policy leaves these alone. */
const EXPLICIT_DIRECTION = /\b(?:last|next|this|coming|past|previous|following)\b/i;
/** Units coarser than a day: "last week", "a month ago" do not name a day. */
const COARSE_UNIT = /\b(?:week|weeks|weekend|month|months|year|years|decade|decades|century)\b/i;
const NOW = /^(?:right |just )?now$/i;
const TRAILING_PUNCTUATION = new Set([",", ";", ":"]);
const LEADING_PREPOSITION = /^(?:on|in|at|by|from|since|until|till|of) /i;
/** Auxiliaries and verbs that put the verb they govern in the future. */
const FUTURE_MARKERS = new Set(["will", "'ll", "’ll", "shall", "would", "wo"]);
const FUTURE_LEMMAS = new Set(["plan", "schedule", "expect", "intend", "due", "upcoming", "set", "prepare"]);
/** A day within this many days after the article date stays in the article's year even in a past clause. */
const NEAR_FUTURE_DAYS = 7;
const DAY_MS = 86_400_000;

function startsWithDigit(t: Token | undefined): boolean {
  if (t === undefined) return false;
  const c = t.text.charCodeAt(0);
  return c >= 48 && c <= 57;
}

/** Tokens of context given to chrono on each side of a day word ("Thursday, Oct. 22, 2020", "three days ago"). */
const WINDOW_BEFORE = 4;
const WINDOW_AFTER = 6;

/** Day word → 1, month word → 2: one hash lookup per token. */
const CUE_KIND = new Map<string, number>([
  ...[...DAY_WORDS].map((w): [string, number] => [w, 1]),
  ...[...MONTH_WORDS].map((w): [string, number] => [w, 2]),
]);

function isDayCue(tokens: readonly Token[], i: number, s: Sentence): boolean {
  const t = tokens[i]!;
  const c = t.text.charCodeAt(0);
  if (c >= 48 && c <= 57) {
    // Numeric dates: 10/22/2020, 2020-10-22.
    return t.text.length >= 6 && (t.text.includes("/") || t.text.includes("-"));
  }
  const kind = CUE_KIND.get(t.lower);
  if (kind === undefined) return false;
  if (kind === 1) return true;
  return startsWithDigit(tokens[i + 1]) || (i > s.tokenStart && startsWithDigit(tokens[i - 1]));
}

/**
 * The token windows `[first, last)` of a sentence that may hold a day: a few tokens around each day word
 * (a weekday, "yesterday", "ago", a month next to a number, a numeric date), overlapping windows merged.
 * This is the only work done on the many sentences without one; chrono reads only the windows.
 */
export function dateWindows(tokens: readonly Token[], s: Sentence): [number, number][] {
  const out: [number, number][] = [];
  for (let i = s.tokenStart; i < s.tokenEnd; i++) {
    if (!isDayCue(tokens, i, s)) continue;
    const first = Math.max(s.tokenStart, i - WINDOW_BEFORE);
    const last = Math.min(s.tokenEnd, i + WINDOW_AFTER + 1);
    const prev = out[out.length - 1];
    if (prev !== undefined && first <= prev[1]) prev[1] = last;
    else out.push([first, last]);
  }
  return out;
}

/** Whether the verb nearest to token range [a, b) is in the future ("will meet", "plans to hold", "is scheduled"). */
function futureClause(tokens: readonly Token[], s: Sentence, a: number, b: number): boolean {
  let best = -1;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (let i = s.tokenStart; i < s.tokenEnd; i++) {
    if (i >= a && i < b) continue;
    const t = tokens[i]!;
    if (t.pos !== "VERB" && t.pos !== "AUX") continue;
    const d = i < a ? a - i : i - b + 1;
    if (d < bestDistance) {
      bestDistance = d;
      best = i;
    }
  }
  if (best < 0) return false;
  const verb = tokens[best]!;
  if (FUTURE_MARKERS.has(verb.lower) || FUTURE_LEMMAS.has(verb.lemma)) return true;
  // Look back over adverbs and negation for "will", "to" (infinitive) or "going to".
  for (let i = best - 1; i >= s.tokenStart && best - i <= 3; i--) {
    const t = tokens[i]!;
    if (FUTURE_MARKERS.has(t.lower) || t.lower === "to") return true;
    if (t.pos !== "ADV" && t.pos !== "PART" && t.pos !== "AUX") break;
  }
  return false;
}

function isoDate(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

function fromUtc(ms: number): string {
  const d = new Date(ms);
  return isoDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/**
 * Resolves a chrono result to a day under the news policy, or null when it names no single day.
 * `ref` is the article date as UTC midnight milliseconds.
 */
function resolveDay(r: chrono.ParsedResult, ref: number, future: boolean): string | null {
  const text = r.text;
  if (NOW.test(text) || COARSE_UNIT.test(text)) return null;
  const c = r.start;
  const refDate = new Date(ref);
  if (c.isCertain("day")) {
    const month = c.get("month")!;
    const day = c.get("day")!;
    if (c.isCertain("year") || !c.isCertain("month")) return isoDate(c.get("year")!, month, day);
    // Month and day without a year: the past unless the clause is future (or the day is days away).
    const y = refDate.getUTCFullYear();
    const sameYear = Date.UTC(y, month - 1, day);
    if (future) return isoDate(sameYear >= ref ? y : y + 1, month, day);
    if (sameYear <= ref || sameYear - ref <= NEAR_FUTURE_DAYS * DAY_MS) return isoDate(y, month, day);
    return isoDate(y - 1, month, day);
  }
  if (c.isCertain("weekday") && FULL_WEEKDAY.test(text)) {
    if (EXPLICIT_DIRECTION.test(text)) return isoDate(c.get("year")!, c.get("month")!, c.get("day")!);
    const target = c.get("weekday")!;
    const refDow = refDate.getUTCDay();
    const delta = future ? (target - refDow + 7) % 7 : -((refDow - target + 7) % 7);
    return fromUtc(ref + delta * DAY_MS);
  }
  return null;
}

function parseArticleDate(date: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return null;
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
}

/**
 * Finds time expressions that name a day and resolves them against the article date (`YYYY-MM-DD`).
 * chrono reads only a few tokens around each day word (see {@link dateWindows}). News policy: a bare weekday or a month-day
 * without a year is the most recent such day on or before the article date, unless the verb nearest to
 * it is future ("will meet on Monday", "plans to hold talks on March 3"), when it is the next one on or
 * after. Expressions with last/next/this, relative days ("yesterday", "three days ago") and full dates
 * are taken as chrono reads them. Weeks, months and years ("last month") name no day and are left out.
 * Without an article date only expressions with a four-digit year are kept.
 */
export function resolveTimes(
  text: string,
  tokens: readonly Token[],
  sentences: readonly Sentence[],
  date: string | null,
): TimeExpression[] {
  const out: TimeExpression[] = [];
  const articleDay = date === null ? null : parseArticleDate(date);
  // chrono reads its reference in local time: noon of the article day keeps it on the same date everywhere.
  const refUtc = articleDay ?? Date.UTC(2000, 0, 1);
  const rd = new Date(refUtc);
  const ref = new Date(rd.getUTCFullYear(), rd.getUTCMonth(), rd.getUTCDate(), 12);
  for (const s of sentences) {
    for (const [first, last] of dateWindows(tokens, s)) {
      const windowStart = tokens[first]!.start;
      const windowText = text.slice(windowStart, tokens[last - 1]!.end);
      for (const r of dayChrono().parse(windowText, ref)) {
        let start = windowStart + r.index;
        let exprText = r.text;
        const lead = LEADING_PREPOSITION.exec(exprText);
        if (lead) {
          start += lead[0].length;
          exprText = exprText.slice(lead[0].length);
        }
        while (exprText.length > 0 && TRAILING_PUNCTUATION.has(exprText.charAt(exprText.length - 1))) {
          exprText = exprText.slice(0, -1);
        }
        if (exprText.length === 0) continue;
        if (articleDay === null && !/\d{4}/.test(exprText)) continue;
        const end = start + exprText.length;
        const a = tokenAt(tokens, start);
        const b = tokenAt(tokens, end);
        const resolved = resolveDay(r, refUtc, futureClause(tokens, s, a, b));
        if (resolved === null) continue;
        out.push({ text: exprText, start, end, sentence: s.index, date: resolved });
      }
    }
  }
  return out;
}
