/** A half-open character range `[start, end)`. Unless a field says otherwise, offsets point into the article's original text. */
export type Span = readonly [start: number, end: number];
