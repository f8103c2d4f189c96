import type { ItsFunction } from "wink-nlp";
import type { Sentence, Token } from "../types/doc.js";
import { englishNlp } from "./english-nlp.js";
import { forgetLearnedTokens } from "./wink-cache-rewind.js";

/** Tokens and sentences of a text, with character offsets into it. */
export interface TokenLayer {
  readonly tokens: Token[];
  readonly sentences: Sentence[];
}

/**
 * Abbreviations after which a sentence never ends: titles and ranks, which always precede a name.
 * Lowercased, with their final period.
 */
const NEVER_ENDS_SENTENCE = new Set([
  "mr.",
  "mrs.",
  "ms.",
  "dr.",
  "prof.",
  "gen.",
  "lt.",
  "col.",
  "maj.",
  "capt.",
  "cmdr.",
  "sgt.",
  "cpl.",
  "pvt.",
  "adm.",
  "brig.",
  "gov.",
  "sen.",
  "rep.",
  "reps.",
  "sens.",
  "pres.",
  "supt.",
  "insp.",
  "rev.",
  "fr.",
  "sr.",
  "st.",
  "ste.",
  "mt.",
  "ft.",
  "no.",
  "nos.",
  "vs.",
  "v.",
  "hon.",
  "amb.",
  "atty.",
  "gens.",
  "messrs.",
]);

/** Characters that may close a sentence's last word and must never open the next sentence. */
const CLOSING_MARKS = new Set(["”", "’", ")", "]", "»"]);

function isSpace(c: number): boolean {
  return (
    c === 32 ||
    c === 10 ||
    c === 13 ||
    c === 9 ||
    c === 11 ||
    c === 12 ||
    c === 0xa0 ||
    c === 0x85 ||
    (c >= 0x2000 && c <= 0x200b) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

function startsLowerOrDigit(s: string): boolean {
  const c = s.charCodeAt(0);
  if (c >= 48 && c <= 57) return true;
  if (c >= 97 && c <= 122) return true;
  // Non-ASCII letters: compare with their upper case.
  if (c > 127) {
    const ch = s.charAt(0);
    return ch !== ch.toUpperCase() && ch === ch.toLowerCase();
  }
  return false;
}

/**
 * Splits `text` into tokens (with part of speech and lemma) and sentences using wink-nlp, and places
 * every token at its character offsets: `text.slice(token.start, token.end) === token.text` always.
 * Whitespace is not a token. Sentence boundaries are wink's, corrected: a newline ends a sentence
 * (unless the next line starts in lower case, i.e. a hard-wrapped line), and no sentence ends after a
 * title such as "Gen." or "Dr.", or after any abbreviation followed by a lower-case word or a number.
 */
export function readTokens(text: string): TokenLayer {
  const nlp = englishNlp();
  const its = nlp.its;
  const doc = nlp.readDoc(text);
  const col = doc.tokens();
  const values = col.out(its.value) as string[];
  const tags = col.out(its.pos) as string[];
  // wink's typings declare its.lemma with a signature `out` does not accept; it works at run time.
  const lemmas = col.out(its.lemma as unknown as ItsFunction<string>) as string[];
  const winkSentences = doc.sentences().out(its.span) as unknown as [number, number][];
  // Everything needed is copied out: drop what wink learned from this text, so the next one reads the same
  // whatever came before it.
  forgetLearnedTokens();

  const n = values.length;
  // Per wink token: our token index, or -1 for whitespace / unplaceable tokens.
  const ours = new Int32Array(n).fill(-1);
  // Per placed token (at most one per wink token): offsets, wink index and the newlines before it.
  const starts = new Int32Array(n);
  const ends = new Int32Array(n);
  const winkIndex = new Int32Array(n);
  // 0 = no newline before the token, 1 = one newline, 2 = a blank line (paragraph break).
  const breaks = new Uint8Array(n);
  let count = 0;

  let cursor = 0;
  const len = text.length;
  for (let w = 0; w < n; w++) {
    const value = values[w]!;
    if (tags[w] === "SPACE" || value.length === 0 || isSpace(value.charCodeAt(0))) continue;
    let newlines = 0;
    while (cursor < len) {
      const c = text.charCodeAt(cursor);
      if (!isSpace(c)) break;
      if (c === 10) newlines++;
      cursor++;
    }
    let at = cursor;
    if (!text.startsWith(value, cursor)) {
      at = text.indexOf(value, cursor);
      if (at < 0) continue; // wink changed the token's characters: leave it out rather than misplace it
      for (let i = cursor; i < at; i++) if (text.charCodeAt(i) === 10) newlines++;
    }
    ours[w] = count;
    starts[count] = at;
    ends[count] = at + value.length;
    winkIndex[count] = w;
    breaks[count] = Math.min(newlines, 2);
    count++;
    cursor = at + value.length;
  }

  const opens = new Uint8Array(count);
  for (const [first, last] of winkSentences) {
    for (let w = first; w <= last; w++) {
      const i = ours[w]!;
      if (i >= 0) {
        opens[i] = 1;
        break;
      }
    }
  }
  for (let i = 1; i < count; i++) {
    const value = values[winkIndex[i]!]!;
    const brk = breaks[i]!;
    if (brk === 2) {
      opens[i] = 1;
      continue;
    }
    if (brk === 1) {
      opens[i] = startsLowerOrDigit(value) ? 0 : 1;
      continue;
    }
    if (opens[i] === 0) continue;
    if (CLOSING_MARKS.has(value)) {
      opens[i] = 0;
      continue;
    }
    const prev = values[winkIndex[i - 1]!]!;
    if (prev.length > 1 && prev.charCodeAt(prev.length - 1) === 46 /* . */) {
      if (NEVER_ENDS_SENTENCE.has(prev.toLowerCase()) || startsLowerOrDigit(value)) opens[i] = 0;
    } else if (prev === "." && i >= 2 && ends[i - 2] === starts[i - 1]) {
      // wink splits abbreviations it does not know ("Pres.", "Adm.") into a word and a period.
      const word = values[winkIndex[i - 2]!]!;
      if (NEVER_ENDS_SENTENCE.has(`${word.toLowerCase()}.`)) opens[i] = 0;
    }
  }
  if (count > 0) opens[0] = 1;

  const tokens: Token[] = new Array(count);
  const sentences: Sentence[] = [];
  let sentence = -1;
  let sentenceFirst = 0;
  for (let i = 0; i < count; i++) {
    if (opens[i] === 1) {
      if (sentence >= 0) {
        sentences.push({
          index: sentence,
          start: starts[sentenceFirst]!,
          end: ends[i - 1]!,
          tokenStart: sentenceFirst,
          tokenEnd: i,
        });
      }
      sentence++;
      sentenceFirst = i;
    }
    const w = winkIndex[i]!;
    const value = values[w]!;
    const lower = value.toLowerCase();
    const lemma = lemmas[w];
    tokens[i] = {
      text: value,
      lower,
      lemma: lemma === undefined || lemma === value ? lower : lemma.toLowerCase(),
      pos: tags[w]!,
      start: starts[i]!,
      end: ends[i]!,
      sentence,
    };
  }
  if (count > 0) {
    sentences.push({
      index: sentence,
      start: starts[sentenceFirst]!,
      end: ends[count - 1]!,
      tokenStart: sentenceFirst,
      tokenEnd: count,
    });
  }
  return { tokens, sentences };
}
