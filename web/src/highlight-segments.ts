/**
 * Cuts a text into runs at every mark boundary so overlapping evidence (a trigger inside a quote, an actor inside
 * the evidence sentence) can be shown at once. Each run carries the kinds of mark that cover it; the caller renders
 * runs as text nodes, never as HTML.
 */

export interface Mark {
  readonly start: number;
  readonly end: number;
  readonly kind: string;
}

export interface TextRun {
  readonly start: number;
  readonly text: string;
  /** The kinds covering this run, in the order the marks were given, without repeats. */
  readonly kinds: readonly string[];
}

export function highlightSegments(text: string, marks: readonly Mark[]): TextRun[] {
  const valid = marks
    .map((m) => ({ ...m, start: Math.max(0, m.start), end: Math.min(text.length, m.end) }))
    .filter((m) => Number.isInteger(m.start) && Number.isInteger(m.end) && m.start < m.end);
  const cuts = new Set<number>([0, text.length]);
  for (const m of valid) {
    cuts.add(m.start);
    cuts.add(m.end);
  }
  const points = [...cuts].sort((x, y) => x - y);
  const runs: TextRun[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i]!;
    const end = points[i + 1]!;
    const kinds: string[] = [];
    for (const m of valid)
      if (m.start <= start && m.end >= end && !kinds.includes(m.kind)) kinds.push(m.kind);
    const previous = runs[runs.length - 1];
    if (previous && sameKinds(previous.kinds, kinds)) {
      runs[runs.length - 1] = { ...previous, text: previous.text + text.slice(start, end) };
    } else {
      runs.push({ start, text: text.slice(start, end), kinds });
    }
  }
  return runs;
}

function sameKinds(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((k, i) => k === b[i]);
}
