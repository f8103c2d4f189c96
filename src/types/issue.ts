import type { Span } from "./span.js";

/** An expected problem found while processing an article: data on the output, not an exception. */
export interface Issue {
  readonly code: string;
  readonly message: string;
  readonly span?: Span;
}
