import type { Article, CleanSegment, CleanText, Span } from "../types/index.js";
import {
  type CleanRules,
  captionRepeatStart,
  defaultCleanRules,
  lineRuleMatches,
  type SpanRule,
} from "./clean-rules.js";

interface Removal {
  start: number;
  end: number;
  readonly reason: string;
}

interface Range {
  start: number;
  end: number;
}

/** How far back a photo credit may reach for the caption it belongs to. */
const MAX_CAPTION_CHARS = 600;
/** Sentence-final punctuation, possibly followed by closing quotes or brackets. */
const TERMINAL = /[.!?…]["'”’»)\]]*$/u;
/** A line ending like this continues on the next line: it is not a headline in a link list. */
const CONTINUES =
  /(?:[,;:\-–—]|\b(?:the|a|an|of|to|and|or|in|on|for|with|that|by|at|from|as|but|its|their|his|her))$/iu;
/** A line ending with one of these words runs on into the next line (hard-wrapped text). */
const RUNS_ON = /\b(?:the|a|an|of|to|and|or|in|on|for|with|that|by|at|from|as|but|its|their|his|her)$/iu;
const BULLET = /^(?:[-•*·▪►–—]|\d{1,2}[.)])\s/u;
const HAS_WORD = /[\p{L}\p{N}]/u;
const HAS_QUOTE = /["'“”‘’«»]/u;
const ABBREVIATIONS = new Set(
  (
    "mr mrs ms dr gen sen rep gov lt col sgt capt maj adm cmdr st jr sr prof rev pres vs no jan feb mar apr jun jul " +
    "aug sep sept oct nov dec mt ft gov't inc corp co ltd dept est approx"
  ).split(" "),
);

function isSpace(c: string | undefined): boolean {
  return c !== undefined && /\s/u.test(c);
}

function trimmed(raw: string, start: number, end: number): Range {
  let s = start;
  let e = end;
  while (s < e && isSpace(raw[s])) s++;
  while (e > s && isSpace(raw[e - 1])) e--;
  return { start: s, end: e };
}

function wordCount(text: string): number {
  return text.split(/\s+/u).filter(Boolean).length;
}

/** Lower-cased, quotes straightened, whitespace collapsed, outer punctuation dropped: for comparing with the title. */
export function comparableText(text: string): string {
  return text
    .toLowerCase()
    .replace(/[‘’]/gu, "'")
    .replace(/[“”]/gu, '"')
    .replace(/\s+/gu, " ")
    .replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, "");
}

/** Does this text repeat the (comparable) title? Cheap length check first: most lines are far longer. */
function sameAsTitle(text: string, title: string): boolean {
  return title !== "" && text.length <= title.length * 2 + 20 && comparableText(text) === title;
}

/** A line of a link list: bulleted, or a short headline that neither ends a sentence nor runs on to the next line. */
function isListItem(text: string, next: string | null): boolean {
  if (BULLET.test(text)) return text.length <= 300;
  if (text.length > 160 || wordCount(text) > 25) return false;
  const end = text.slice(-12);
  if (TERMINAL.test(end) || CONTINUES.test(end)) return false;
  return next === null || !/^[\p{Ll}\p{N}]/u.test(next);
}

/** Is the `.` at `dot` the end of an abbreviation or initial ("Gen.", "Oct.", "U.S.") rather than of a sentence? */
function isAbbreviation(text: string, dot: number): boolean {
  let s = dot;
  while (s > 0 && /[\p{L}.']/u.test(text[s - 1] ?? "")) s--;
  const word = text.slice(s, dot).toLowerCase();
  if (word.length === 1 || word.includes(".")) return true;
  return ABBREVIATIONS.has(word);
}

/**
 * Where the caption before a photo credit starts: the start of the last sentence before `end`, not before `floor`
 * (the end of earlier furniture or the line start). With no sentence break within reach, the caption runs back to
 * `floor` if that is close enough; otherwise no caption is taken (returns `end`).
 */
function captionStart(text: string, floor: number, end: number): number {
  let stop = end;
  while (stop > floor && isSpace(text[stop - 1])) stop--;
  const windowStart = Math.max(floor, stop - MAX_CAPTION_CHARS);
  for (let p = stop - 1; p > windowStart; p--) {
    if (!isSpace(text[p - 1]) || isSpace(text[p])) continue;
    let q = p - 1;
    while (q > windowStart && isSpace(text[q - 1])) q--;
    while (q > windowStart && /["'”’)\]]/u.test(text[q - 1] ?? "")) q--;
    const punct = text[q - 1];
    if (q <= windowStart || (punct !== "." && punct !== "!" && punct !== "?")) continue;
    if (!/[\p{Lu}"“'‘(]/u.test(text[p] ?? "")) continue;
    if (punct === "." && isAbbreviation(text, q - 1)) continue;
    return p;
  }
  return windowStart === floor ? floor : end;
}

interface Candidate {
  readonly start: number;
  readonly end: number;
  readonly rule: SpanRule;
}

/** Furniture inside one line (`text`, starting at raw offset `base`), as non-overlapping raw removals in order. */
function spanRemovals(text: string, base: number, rules: CleanRules, title: string): Removal[] {
  const candidates: Candidate[] = [];
  for (const rule of rules.spanRules) {
    rule.pattern.lastIndex = 0;
    for (const m of text.matchAll(rule.pattern)) {
      const at = m.index ?? 0;
      if (m[0].length === 0) continue;
      if (rule.action === "caption-repeat") {
        const start = captionRepeatStart(text, m);
        if (start !== null) candidates.push({ start, end: at + m[0].length, rule });
      } else {
        candidates.push({ start: at, end: at + m[0].length, rule });
      }
    }
  }
  if (candidates.length === 0) return [];
  candidates.sort((a, b) => a.start - b.start || b.end - a.end);
  const local: Removal[] = [];
  let gallery = false;
  let cursor = 0;
  for (const c of candidates) {
    if (c.end <= cursor) continue;
    const start = Math.max(c.start, cursor);
    if (c.rule.action === "credit") {
      const caption = captionStart(text, cursor, start);
      if (caption < start && text.slice(caption, start).trim() !== "") {
        local.push({ start: caption, end: start, reason: `caption of photo credit (${c.rule.id})` });
      }
    }
    const reason =
      c.rule.action === "caption-repeat" ? `caption and its folded repeat (${c.rule.id})` : c.rule.id;
    local.push({ start, end: c.end, reason });
    if (c.rule.action !== "span") gallery = true;
    cursor = c.end;
  }
  // On a gallery line, what is left between two pieces of furniture, or repeats the title, is furniture too.
  if (gallery) {
    const extra: Removal[] = [];
    for (let i = 0; i <= local.length; i++) {
      const gapStart = i === 0 ? 0 : (local[i - 1]?.end ?? 0);
      const gapEnd = i === local.length ? text.length : (local[i]?.start ?? text.length);
      const fragment = text.slice(gapStart, gapEnd).trim();
      if (fragment === "") continue;
      const between = i > 0 && i < local.length;
      if (sameAsTitle(fragment, title)) {
        extra.push({ start: gapStart, end: gapEnd, reason: "title repeated in gallery furniture" });
      } else if (between && wordCount(fragment) <= 25 && !TERMINAL.test(fragment.slice(-12))) {
        extra.push({ start: gapStart, end: gapEnd, reason: "text between pieces of gallery furniture" });
      }
    }
    local.push(...extra);
    local.sort((a, b) => a.start - b.start);
  }
  return local.map((r) => ({ start: base + r.start, end: base + r.end, reason: r.reason }));
}

interface ListState {
  heading: string | null;
}

/** Removals for one trimmed line `[start, end)` of the raw text. */
function lineRemovals(
  raw: string,
  line: Range,
  next: string | null,
  list: ListState,
  rules: CleanRules,
  title: string,
): Removal[] {
  const text = raw.slice(line.start, line.end);
  const whole = (reason: string): Removal[] => [{ start: line.start, end: line.end, reason }];
  if (list.heading !== null) {
    if (isListItem(text, next)) return whole(`list item (${list.heading})`);
    list.heading = null;
  }
  const runsOn = RUNS_ON.test(text.slice(-12)) || (next !== null && /^\p{Ll}/u.test(next));
  for (const rule of runsOn ? [] : rules.lineRules) {
    if (!lineRuleMatches(rule, text)) continue;
    if (rule.action === "list-heading") list.heading = rule.id;
    return whole(rule.id);
  }
  if (sameAsTitle(text, title)) return whole("title repeated");
  return spanRemovals(text, line.start, rules, title);
}

/** The trimmed, non-blank lines of `raw` from `from`, grouped into paragraphs (runs of lines between blank lines). */
function paragraphsOf(raw: string, from: number): Range[][] {
  const paragraphs: Range[][] = [];
  let current: Range[] = [];
  let pos = from;
  while (pos < raw.length) {
    const nl = raw.indexOf("\n", pos);
    const end = nl === -1 ? raw.length : nl;
    const line = trimmed(raw, pos, end);
    if (line.start === line.end) {
      if (current.length > 0) paragraphs.push(current);
      current = [];
    } else {
      current.push(line);
    }
    pos = end + 1;
  }
  if (current.length > 0) paragraphs.push(current);
  return paragraphs;
}

/**
 * Removes scraped page furniture from an article's body (`rawText` from `bodyStart`) and keeps every sentence of the
 * story. Works line by line within paragraphs: whole-line rules (share widgets, "Related" lists, bylines, timestamps,
 * cookie notices, file-photo captions), then in-line rules (gallery counters, photo credits with the caption before
 * them, folded "less … more" captions, copyright footers), all read from `data/clean/`. The clean text is the kept
 * raw pieces joined by " " (within a line), "\n" (within a paragraph) and "\n\n" (between paragraphs); `segments`
 * map every clean character back to the raw text and `removed` lists what went and which rule removed it.
 *
 * @example cleanArticle(article).text // "MOSCOW (AP) — Russian President Vladimir Putin says …"
 */
export function cleanArticle(article: Article, rules: CleanRules = defaultCleanRules()): CleanText {
  const raw = article.rawText;
  const from = Math.min(Math.max(0, Math.trunc(article.bodyStart) || 0), raw.length);
  const title = article.title ? comparableText(article.title) : "";
  const removed: Removal[] = [];
  const kept: Range[][] = [];
  const list: ListState = { heading: null };

  for (const lines of paragraphsOf(raw, from)) {
    const pieces: Range[] = [];
    lines.forEach((line, i) => {
      const nextLine = lines[i + 1];
      const next = nextLine ? raw.slice(nextLine.start, nextLine.end) : null;
      const removals = lineRemovals(raw, line, next, list, rules, title);
      let cursor = line.start;
      for (const r of [...removals, { start: line.end, end: line.end, reason: "" }]) {
        const piece = trimmed(raw, cursor, r.start);
        if (piece.start < piece.end) {
          const text = raw.slice(piece.start, piece.end);
          if (HAS_WORD.test(text) || HAS_QUOTE.test(text)) pieces.push(piece);
          else removed.push({ ...piece, reason: "punctuation left between furniture" });
        }
        if (r.end > r.start) removed.push(r);
        cursor = Math.max(cursor, r.end);
      }
    });
    // Pieces separated only by white space (consecutive kept lines) stay one piece, copied verbatim.
    const merged: Range[] = [];
    for (const piece of pieces) {
      const last = merged.at(-1);
      if (last && raw.slice(last.end, piece.start).trim() === "") last.end = piece.end;
      else merged.push({ ...piece });
    }
    if (merged.length > 0) kept.push(merged);
  }

  let text = "";
  const segments: CleanSegment[] = [];
  for (const pieces of kept) {
    if (text.length > 0) text += "\n\n";
    pieces.forEach((piece, i) => {
      if (i > 0) text += raw.slice(pieces[i - 1]?.end ?? 0, piece.start).includes("\n") ? "\n" : " ";
      segments.push({ cleanStart: text.length, rawStart: piece.start, length: piece.end - piece.start });
      text += raw.slice(piece.start, piece.end);
    });
  }
  removed.sort((a, b) => a.start - b.start);
  return {
    text,
    segments,
    removed: removed.map((r) => ({ span: [r.start, r.end] as Span, reason: r.reason })),
  };
}
