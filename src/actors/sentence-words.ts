import { type PhraseWord, phraseWords } from "../knowledge/actors/index.js";
import type { Doc, Sentence } from "../types/doc.js";

/**
 * A word of a sentence, with the part of speech of the `Doc` token holding its first character (wink-nlp's tag,
 * or "" if none) and that token's index.
 */
export type SentenceWord = PhraseWord;

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
  const tokens = doc.tokens;
  if (!tokens.length) return words;
  const hi = Math.min(Math.max(sentence.tokenEnd, sentence.tokenStart + 1), tokens.length);
  // words and tokens are both in text order: walk them together
  let t = Math.min(sentence.tokenStart, tokens.length - 1);
  for (const w of words) {
    while (t + 1 < hi && tokens[t + 1]!.start <= w.start) t++;
    w.token = t;
    w.pos = tokens[t]!.pos;
  }
  return words;
}

/** The token range `[tokenStart, tokenEnd)` covering characters `[start, end)` of the clean text. */
export function tokenRange(
  doc: Doc,
  start: number,
  end: number,
  sentence: Sentence,
): { tokenStart: number; tokenEnd: number } {
  if (!doc.tokens.length) return { tokenStart: 0, tokenEnd: 0 };
  const lo = sentence.tokenStart;
  const hi = Math.min(Math.max(sentence.tokenEnd, lo + 1), doc.tokens.length);
  const first = tokenAt(doc, start, lo, hi);
  const last = tokenAt(doc, Math.max(start, end - 1), lo, hi);
  return { tokenStart: first, tokenEnd: last + 1 };
}
