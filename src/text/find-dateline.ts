import type { Dateline } from "../types/doc.js";

const UPPER = "A-ZÀ-ÖØ-Þ";
const LOWER = "a-zß-öø-ÿ";
const MONTH = "(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\\.?";
const WEEKDAY = "(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day";
/** An all-capitals place ("MOSCOW", "UNITED NATIONS", "GAZA CITY", "PORT-AU-PRINCE"). */
const CAPS_PLACE = `[${UPPER}][${UPPER}'’.\\-]*(?: [${UPPER}][${UPPER}'’.\\-]*){0,3}(?![${LOWER}])`;
/** A title-case place ("Moscow", "Rio de Janeiro"); only accepted when a wire agency follows. */
const TITLE_PLACE = `[${UPPER}][${LOWER}'’.\\-]+(?: (?:de|da|do|del|la|el|al|of|[${UPPER}][${LOWER}'’.\\-]+)){0,3}`;
/** ", Afghanistan", ", Gaza Strip", ", D.C.", ", Calif." — but not a date. */
const REGION = `, (?!${MONTH}[ ,]|${WEEKDAY})[${UPPER}][A-Za-zÀ-ÿ'’.\\-]*(?: [${UPPER}][A-Za-zÀ-ÿ'’.\\-]*){0,3}`;
const DATE = `, (?:${WEEKDAY},? )?(?:${MONTH} \\d{1,2}(?:, \\d{4})?|\\d{1,2} ${MONTH}(?: \\d{4})?|${WEEKDAY})`;
const AGENCY = "\\(((?:[A-Z]|dpa)[A-Za-z&.'\\-]*(?: [A-Za-z&.'\\-]+){0,2})\\)";
/** The dash after a dateline, followed by a space or the line's end (not "US-based"). */
const SEPARATOR = "(?:—|–|--|-|:)(?=\\s|$)";

const DATELINE = new RegExp(
  `^(${CAPS_PLACE}|${TITLE_PLACE})(${REGION})?(?:${DATE})? *(?:${AGENCY})? *(${SEPARATOR})?`,
  "u",
);
const HAS_LOWER = new RegExp(`[${LOWER}]`, "u");
/** All-capitals words that head a text with a colon without being a place ("UPDATE:", "BREAKING NEWS:"). */
const HEADING_WORDS = new Set([
  "ADVISORY",
  "ALERT",
  "ANALYSIS",
  "BREAKING",
  "BULLETIN",
  "BUSINESS",
  "CHECK",
  "CLARIFICATION",
  "COMMENT",
  "CORRECTED",
  "CORRECTION",
  "ECONOMY",
  "EDITORIAL",
  "ELECTION",
  "ELECTIONS",
  "EXCERPT",
  "EXCLUSIVE",
  "EXPLAINER",
  "FACT",
  "FACTBOX",
  "FEATURE",
  "FLASH",
  "FOCUS",
  "GALLERY",
  "HEALTH",
  "INSIGHT",
  "INTERVIEW",
  "LETTERS",
  "LISTEN",
  "LIVE",
  "MARKETS",
  "NEWS",
  "NOTE",
  "OBITUARY",
  "OPINION",
  "PHOTOS",
  "PICTURES",
  "PODCAST",
  "POLITICS",
  "POLL",
  "PREVIEW",
  "QUIZ",
  "READ",
  "REFILE",
  "REPEAT",
  "REPORT",
  "REVIEW",
  "SCIENCE",
  "SPECIAL",
  "SPONSORED",
  "SPORT",
  "SPORTS",
  "SPOTLIGHT",
  "TECH",
  "TIMELINE",
  "UPDATE",
  "UPDATED",
  "URGENT",
  "VIDEO",
  "WARNING",
  "WATCH",
  "WORLD",
]);
/** Right after a dateline's dash or colon: the sentence starts (a capital, a digit or a quote). */
const SENTENCE_START = new RegExp(`^\\s*["'“‘(]?[${UPPER}0-9]`, "u");

/** How far into the text the dateline may start: the first two non-empty lines. */
const LINES_TO_TRY = 2;

/**
 * Finds a wire-style dateline at the start of the text or of its second line (after a title):
 * "MOSCOW (AP) —", "WASHINGTON, Oct 5 (Reuters) -", "KABUL, Afghanistan —", "BEIJING, March 3 (Xinhua) --",
 * AFP's "PESHAWAR:" and "Abuja --". `place` is the place as written including any region ("KABUL,
 * Afghanistan"), without the date; the span runs from the place to the end of the dash or colon. The dash or
 * colon is required; without an agency the text after it must start a sentence, a colon only follows a place in
 * capitals that is no heading ("UPDATE:"), and a title-case place's dash must not open an aside.
 */
export function findDateline(text: string): Dateline | null {
  let lineStart = 0;
  let tried = 0;
  while (tried < LINES_TO_TRY && lineStart < text.length) {
    // Skip blank lines and leading spaces.
    while (lineStart < text.length && /\s/.test(text.charAt(lineStart))) lineStart++;
    if (lineStart >= text.length) break;
    const nl = text.indexOf("\n", lineStart);
    const lineEnd = nl < 0 ? text.length : nl;
    const found = matchAt(text, lineStart, Math.min(lineEnd, lineStart + 160));
    if (found) return found;
    tried++;
    if (nl < 0) break;
    lineStart = nl + 1;
  }
  return null;
}

function matchAt(text: string, from: number, to: number): Dateline | null {
  const m = DATELINE.exec(text.slice(from, to));
  if (!m) return null;
  const place = m[1]!;
  const region = m[2] ?? "";
  const agency = m[3]?.trim() ?? null;
  const separator = m[4];
  const allCaps = !HAS_LOWER.test(place) && /[A-ZÀ-Þ].*[A-ZÀ-Þ]/u.test(place);
  if (separator === undefined) return null;
  if (agency === null && (separator === ":" || !allCaps)) {
    const rest = text.slice(from + m[0].length, to);
    // The text after the dateline starts a sentence ("Abuja -- The senate…", not "Hamas — the group —").
    if (!SENTENCE_START.test(rest)) return null;
    if (separator === ":") {
      // "PESHAWAR: Police said…", "GAZA CITY, Palestinian Territories: …" — but "UPDATE:" is a heading.
      if (!allCaps || place.replace(/[^A-ZÀ-Þ]/gu, "").length < 4) return null; // "US: …" is a headline
      if (place.split(/[\s-]+/).some((w) => HEADING_WORDS.has(w.replace(/[^A-Z]/g, "")))) return null;
    } else if (!allCaps) {
      // "Abuja -- …", "Cape Town - …": a title-case place of at most three words whose dash opens no aside
      // closed later on the line ("Putin — the president — said").
      if (place.split(" ").length > 3 || rest.includes(` ${separator} `)) return null;
    }
  }
  let end = from + m[0].length;
  while (end > from && /\s/.test(text.charAt(end - 1))) end--;
  return { place: place + region, agency, start: from, end };
}
