/** The annotated clean text. All offsets in this file are into `Doc.text` (the clean text), not the raw text. */
export interface Token {
  readonly text: string;
  readonly lower: string;
  readonly lemma: string;
  /** Universal POS tag from wink-nlp (NOUN, PROPN, VERB, AUX, ADP, DET, ...). */
  readonly pos: string;
  readonly start: number;
  readonly end: number;
  readonly sentence: number;
}

export interface Sentence {
  readonly index: number;
  readonly start: number;
  readonly end: number;
  /** Token index range `[tokenStart, tokenEnd)` into `Doc.tokens`. */
  readonly tokenStart: number;
  readonly tokenEnd: number;
}

export interface Dateline {
  readonly place: string;
  readonly agency: string | null;
  readonly start: number;
  readonly end: number;
}

export interface Quote {
  /** The quoted words without the quotation marks. */
  readonly text: string;
  readonly start: number;
  readonly end: number;
  readonly sentence: number;
  /** The speaker phrase as written ("he", "Putin", "the Russian president"), or null if none was found. */
  readonly speaker: { readonly text: string; readonly start: number; readonly end: number } | null;
}

export interface TimeExpression {
  readonly text: string;
  readonly start: number;
  readonly end: number;
  readonly sentence: number;
  /** Resolved calendar date, `YYYY-MM-DD`. */
  readonly date: string;
}

export interface Doc {
  readonly text: string;
  /** The article date the time expressions were resolved against (`YYYY-MM-DD`), or null. */
  readonly date: string | null;
  readonly sentences: readonly Sentence[];
  readonly tokens: readonly Token[];
  readonly dateline: Dateline | null;
  readonly quotes: readonly Quote[];
  readonly times: readonly TimeExpression[];
}
