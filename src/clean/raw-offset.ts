import type { CleanSegment, CleanText, Span } from "../types/index.js";
import { DyadError } from "../types/index.js";

/** Index of the last segment whose `cleanStart` is at or before `offset`, or -1. */
function segmentAtOrBefore(segments: readonly CleanSegment[], offset: number): number {
  let lo = 0;
  let hi = segments.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if ((segments[mid]?.cleanStart ?? 0) <= offset) {
      found = mid;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  return found;
}

/**
 * Maps an offset in the clean text to the raw text. An offset inside a segment maps exactly. An offset on an
 * inserted separator (or a segment boundary) maps, with `bias: "start"` (default, for span starts), to the start of
 * the next segment; with `bias: "end"` (for exclusive span ends), to the end of the previous segment.
 *
 * @example toRawOffset(clean, 0) // where the first kept character sits in rawText
 */
export function toRawOffset(clean: CleanText, cleanOffset: number, bias: "start" | "end" = "start"): number {
  if (!Number.isInteger(cleanOffset) || cleanOffset < 0 || cleanOffset > clean.text.length) {
    throw new DyadError(
      "USAGE",
      `clean offset ${cleanOffset} is outside the clean text (0..${clean.text.length})`,
    );
  }
  const segments = clean.segments;
  if (segments.length === 0) return 0;
  const probe = bias === "end" ? cleanOffset - 1 : cleanOffset;
  const i = segmentAtOrBefore(segments, Math.max(probe, 0));
  const seg = segments[i];
  if (bias === "end") {
    if (cleanOffset === 0 || !seg) return segments[0]?.rawStart ?? 0;
    // the character just before the end offset, if it is a kept one; else the end of the segment before the gap
    return seg.rawStart + Math.min(probe - seg.cleanStart + 1, seg.length);
  }
  if (seg && cleanOffset < seg.cleanStart + seg.length) return seg.rawStart + (cleanOffset - seg.cleanStart);
  const next = segments[i + 1];
  if (next) return next.rawStart;
  const last = segments[segments.length - 1] as CleanSegment;
  return last.rawStart + last.length;
}

/**
 * Maps a `[start, end)` span of the clean text to the raw text. A span inside one segment slices exactly the same
 * string from the raw text. A span across segments covers the raw text from its first to its last kept character,
 * including whatever furniture was removed in between.
 */
export function toRawSpan(clean: CleanText, span: Span): Span {
  const [start, end] = span;
  if (end < start) throw new DyadError("USAGE", `span [${start}, ${end}] ends before it starts`);
  const rawStart = toRawOffset(clean, start, "start");
  if (end === start) return [rawStart, rawStart];
  const rawEnd = toRawOffset(clean, end, "end");
  return [rawStart, Math.max(rawStart, rawEnd)];
}
