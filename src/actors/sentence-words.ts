import { type PhraseWord, phraseWords } from "../knowledge/actors/index.js";
import type { Doc, Sentence } from "../types/doc.js";

/** A word of a sentence, with the part of speech of the `Doc` token it falls in (wink-nlp's tag, or "" if none). */
export interface SentenceWord extends PhraseWord {
  readonly pos: string;
  /** Index into `Doc.tokens` of the token holding the word's first character (or the nearest one before). */
  readonly token: number;
}

/** Index of the last token whose start is ≤ `offset`, searching `[lo, hi)`. */
export function tokenAt(doc: Doc, offset: number, lo = 0, hi = doc.tokens.length): number {
  let a = lo;
  let b = hi - 1;
  let best = lo;
  while (a <= b) {
    const mid = (a + b) >> 1;
    if (doc.tokens[mid]!.start <= offset) {
      best = mid;
      a = mid + 1;
    } else b = mid - 1;
  }
  return best;
}

/** Splits one sentence of the document into matcher words and attaches each word's token and part of speech. */
export function sentenceWords(doc: Doc, sentence: Sentence): SentenceWord[] {
  const words = phraseWords(doc.text, sentence.start, sentence.end);
  const lo = sentence.tokenStart;
  const hi = Math.max(sentence.tokenEnd, lo + 1);
  return words.map((w) => {
    if (!doc.tokens.length) return { ...w, pos: "", token: 0 };
    const t = tokenAt(doc, w.start, lo, Math.min(hi, doc.tokens.length));
    const tok = doc.tokens[t];
    const pos = tok && tok.start <= w.start && w.start < tok.end ? tok.pos : (tok?.pos ?? "");
    return { ...w, pos, token: t };
  });
}

/** The token range `[tokenStart, tokenEnd)` covering characters `[start, end)` of the clean text. */
export function tokenRange(doc: Doc, start: number, end: number, sentence: Sentence): { tokenStart: number; tokenEnd: number } {
  if (!doc.tokens.length) return { tokenStart: 0, tokenEnd: 0 };
  const lo = sentence.tokenStart;
  const hi = Math.min(Math.max(sentence.tokenEnd, lo + 1), doc.tokens.length);
  const first = tokenAt(doc, start, lo, hi);
  const last = tokenAt(doc, Math.max(start, end - 1), lo, hi);
  return { tokenStart: first, tokenEnd: last + 1 };
}
