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

/** How far into the text the dateline may start: the first two non-empty lines. */
const LINES_TO_TRY = 2;

/**
 * Finds a wire-style dateline at the start of the text or of its second line (after a title):
 * "MOSCOW (AP) —", "WASHINGTON, Oct 5 (Reuters) -", "KABUL, Afghanistan —", "BEIJING, March 3 (Xinhua) --".
 * `place` is the place as written including any region ("KABUL, Afghanistan"), without the date;
 * the span runs from the place to the end of the dash. The dash is required; a title-case place
 * ("Moscow (Reuters) -") also needs an agency.
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
  // Always a dash; a title-case place also needs an agency (else "Hamas — the group —" would qualify).
  if (separator === undefined || (!allCaps && agency === null)) return null;
  // A bare word followed by ": " is a heading ("UPDATE:"), not a dateline, unless an agency is named.
  if (agency === null && separator === ":") return null;
  let end = from + m[0].length;
  while (end > from && /\s/.test(text.charAt(end - 1))) end--;
  return { place: place + region, agency, start: from, end };
}
