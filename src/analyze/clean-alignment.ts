import type { CleanSegment } from "../types/clean-text.js";
import type { Span } from "../types/span.js";

const ANCHOR = 24;
const MIN_ANCHOR = 3;

/** Where the longest anchor (at most 24 characters, halving down to 3) taken at `clean[c]` occurs in `raw` from `r` on. */
function findAnchor(raw: string, clean: string, c: number, r: number): { at: number; length: number } | null {
  for (let length = Math.min(ANCHOR, clean.length - c); length >= 1; length = length >> 1) {
    if (length < MIN_ANCHOR && length < clean.length - c) return null;
    const at = raw.indexOf(clean.slice(c, c + length), r);
    if (at >= 0) return { at, length };
  }
  return null;
}

/**
 * Rebuilds the segments of a clean text — the runs copied verbatim from the raw text — when only the two texts
 * are known. Walks the clean text and finds each run in the raw text at or after the end of the previous run
 * (the cleaner keeps order), extending each match as far as the texts agree; clean characters found nowhere
 * (separators the cleaner inserted) belong to no segment.
 */
export function alignCleanText(raw: string, clean: string): CleanSegment[] {
  const segments: CleanSegment[] = [];
  let c = 0;
  let r = 0;
  while (c < clean.length) {
    const found = findAnchor(raw, clean, c, r);
    if (!found) {
      c++;
      continue;
    }
    const { at } = found;
    let n = found.length;
    while (c + n < clean.length && at + n < raw.length && clean[c + n] === raw[at + n]) n++;
    const last = segments[segments.length - 1];
    if (last && last.cleanStart + last.length === c && last.rawStart + last.length === at) {
      segments[segments.length - 1] = { ...last, length: last.length + n };
    } else {
      segments.push({ cleanStart: c, rawStart: at, length: n });
    }
    c += n;
    r = at + n;
  }
  return segments;
}

function rawToCleanOffset(segments: readonly CleanSegment[], raw: number): number | null {
  let lo = 0;
  let hi = segments.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = segments[mid]!;
    if (raw < s.rawStart) hi = mid - 1;
    else if (raw >= s.rawStart + s.length) lo = mid + 1;
    else return s.cleanStart + (raw - s.rawStart);
  }
  return null;
}

/**
 * Converts a span into the raw text to the span into the clean text, or null when either end falls in text the
 * cleaner removed. Segments must be ordered by raw position (the cleaner keeps order).
 */
export function rawSpanToClean(segments: readonly CleanSegment[], span: Span): Span | null {
  const [start, end] = span;
  if (end <= start) {
    const at = rawToCleanOffset(segments, start);
    return at === null ? null : [at, at];
  }
  const s = rawToCleanOffset(segments, start);
  const e = rawToCleanOffset(segments, end - 1);
  if (s === null || e === null) return null;
  return [s, e + 1];
}
