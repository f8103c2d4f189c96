/** The result of reading a publication date: a `YYYY-MM-DD` date, or why it could not be used. */
export type PublicationDate =
  | { readonly ok: true; readonly date: string }
  | { readonly ok: false; readonly impossible: boolean; readonly reason: string };

const MONTHS: Readonly<Record<string, number>> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  sept: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};

// All patterns are anchored and free of nested quantifiers, so each runs in linear time.
const NUMERIC = /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?:$|[T\s])/;
const COMPACT = /^(\d{4})(\d{2})(\d{2})(?:$|T)/;
const DAY_MONTH_YEAR =
  /^(?:[A-Za-z]{3,9},?\s+)?(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]{3,9})\.?,?\s+(\d{4}|\d{2})\b/;
const MONTH_DAY_YEAR = /^(?:[A-Za-z]{3,9},?\s+)?([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b/;

function monthNumber(name: string): number | undefined {
  const lower = name.toLowerCase();
  return MONTHS[lower] ?? (lower.length >= 3 ? MONTHS[lower.slice(0, 3)] : undefined);
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function calendarDate(value: string, year: number, month: number, day: number): PublicationDate {
  if (year < 1000 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    return { ok: false, impossible: true, reason: `impossible date "${value}"` };
  }
  const iso = `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
  return { ok: true, date: iso };
}

/**
 * Reads a publication date as written and normalises it to `YYYY-MM-DD`. The calendar date is taken as the
 * source wrote it (no time-zone conversion: `2020-10-22T23:30:00-05:00` is 2020-10-22). Understands ISO 8601
 * (`2020-10-22`, `2020-10-22T10:00:00Z`, `2020/10/22`, `20201022`), RFC 822 as in RSS (`Thu, 22 Oct 2020
 * 10:00:00 GMT`), `22 October 2020` and `October 22, 2020` / `Oct. 22, 2020`.
 * A date that cannot exist (`2020-13-45`, `2021-02-30`) is `impossible`; other text is unrecognised.
 *
 * @example parsePublicationDate("Thu, 22 Oct 2020 10:00:00 GMT") // { ok: true, date: "2020-10-22" }
 */
export function parsePublicationDate(input: string): PublicationDate {
  const value = input.trim();
  const shown = value.length > 60 ? `${value.slice(0, 60)}…` : value;
  let m = NUMERIC.exec(value) ?? COMPACT.exec(value);
  if (m) {
    const [year, month, day] = m.length === 5 ? [m[1], m[3], m[4]] : [m[1], m[2], m[3]];
    return calendarDate(shown, Number(year), Number(month), Number(day));
  }
  m = DAY_MONTH_YEAR.exec(value);
  if (m) {
    const month = monthNumber(m[2] ?? "");
    if (month !== undefined) {
      const y = m[3] ?? "";
      const year = y.length === 2 ? (Number(y) < 50 ? 2000 : 1900) + Number(y) : Number(y);
      return calendarDate(shown, year, month, Number(m[1]));
    }
  }
  m = MONTH_DAY_YEAR.exec(value);
  if (m) {
    const month = monthNumber(m[1] ?? "");
    if (month !== undefined) return calendarDate(shown, Number(m[3]), month, Number(m[2]));
  }
  return { ok: false, impossible: false, reason: `unrecognised date "${shown}"` };
}
