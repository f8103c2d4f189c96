/** One word of a phrase or a sentence as the actor matcher sees it. Offsets are into the text that was split. */
export interface PhraseWord {
  /** Lowercased, accents removed, curly apostrophes straightened, dots of abbreviations dropped ("U.S." → "us"). */
  readonly key: string;
  readonly text: string;
  readonly start: number;
  readonly end: number;
  /** 0: starts lowercase or is not a letter; 1: starts with a capital; 2: all capitals (two letters or more). */
  readonly caps: 0 | 1 | 2;
  /** Joined to the previous word by a hyphen or slash ("Russia-China", "U.S.-led"). */
  readonly joined: boolean;
  /** Punctuation that stops a phrase (comma, colon, quote, bracket…). Never part of a match. */
  readonly punct: boolean;
  /** Part of speech of the token the word falls in, when the caller knows it (the actor stage fills it in). */
  pos: string;
  /** Index of that token in `Doc.tokens` (0 when unknown). */
  token: number;
}

function word(
  key: string,
  text: string,
  start: number,
  end: number,
  caps: 0 | 1 | 2,
  joined: boolean,
  punct: boolean,
): PhraseWord {
  return { key, text, start, end, caps, joined, punct, pos: "", token: 0 };
}

const ASCII = /^[\u0020-\u007e]*$/;

const LETTER_MAP: Record<string, string> = {
  ı: "i",
  ł: "l",
  ø: "o",
  đ: "d",
  ß: "ss",
  æ: "ae",
  œ: "oe",
  þ: "th",
  ð: "d",
  "’": "'",
  "‘": "'",
  ʼ: "'",
};

/** Lowercases, strips accents and maps the few letters Unicode does not decompose. */
export function normalizeKey(word: string): string {
  if (ASCII.test(word)) return word.toLowerCase();
  let s = word.toLowerCase().normalize("NFKD").replace(/\p{M}/gu, "");
  if (!ASCII.test(s)) s = s.replace(/[ıłøđßæœþð’‘ʼ]/g, (c) => LETTER_MAP[c] ?? c);
  return s;
}

function capsOf(word: string): 0 | 1 | 2 {
  const c0 = word.charCodeAt(0);
  if (c0 >= 97 && c0 <= 122) return 0;
  if (c0 >= 65 && c0 <= 90 && ASCII.test(word)) {
    let upper = 0;
    let letters = 0;
    for (let i = 0; i < word.length; i++) {
      const c = word.charCodeAt(i);
      if (c >= 65 && c <= 90) {
        upper++;
        letters++;
      } else if (c >= 97 && c <= 122) letters++;
    }
    return letters >= 2 && upper === letters ? 2 : 1;
  }
  if (c0 < 128 && !(c0 >= 65 && c0 <= 90)) {
    // digits or punctuation first: look at the letters
    if (!/[A-Za-z]/.test(word) && ASCII.test(word)) return 0;
  }
  const letters = word.replace(/[^\p{L}]/gu, "");
  if (!letters) return 0;
  const first = letters[0]!;
  if (first === first.toLowerCase() && first !== first.toUpperCase()) return 0;
  if (first === first.toUpperCase() && first === first.toLowerCase()) return 0;
  if (letters.length >= 2 && letters === letters.toUpperCase()) return 2;
  return 1;
}

// An abbreviation with dots (U.S., U.N., D.C.), a single initial (V.), a word (letters/digits with inner
// apostrophes: d'Ivoire, won't), a possessive 's, hyphens/slashes, or any other single non-space character.
const WORD =
  /(\p{Lu}(?:\.\p{Lu})+\.?)|(\p{L}\.)(?!\p{L})|([\p{L}\p{N}][\p{L}\p{M}\p{N}]*(?:['’][\p{L}\p{N}][\p{L}\p{M}\p{N}]*)*)|(['’]s\b)|([-‐‑‒–/])|(\S)/guy;

/**
 * Splits `text[start, end)` into the words the actor trie is keyed on. Full stops are dropped (they only split
 * abbreviations inside a sentence), hyphens and slashes mark the next word as `joined`, other punctuation becomes
 * a `punct` word that no phrase can cross.
 */
export function phraseWords(text: string, start = 0, end = text.length): PhraseWord[] {
  const out: PhraseWord[] = [];
  let joinNext = false;
  let pos = start;
  while (pos < end) {
    const c = text.charCodeAt(pos);
    if (c === 32 || c === 9 || c === 10 || c === 13 || c === 0xa0) {
      pos++;
      joinNext = false;
      continue;
    }
    WORD.lastIndex = pos;
    const m = WORD.exec(text);
    if (!m) {
      pos++;
      continue;
    }
    const raw = m[0].length + pos > end ? text.slice(pos, end) : m[0];
    const wStart = pos;
    pos += raw.length;
    if (m[1] || m[2]) {
      out.push(word(normalizeKey(raw.replace(/\./g, "")), raw, wStart, pos, capsOf(raw), joinNext, false));
      joinNext = false;
    } else if (m[3]) {
      // split a trailing possessive that the word pattern swallowed ("Russia's" is matched as word + "'s").
      out.push(word(normalizeKey(raw), raw, wStart, pos, capsOf(raw), joinNext, false));
      joinNext = false;
    } else if (m[4]) {
      out.push(word("'s", raw, wStart, pos, 0, false, false));
      joinNext = false;
    } else if (m[5]) {
      // a hyphen between two words joins them; a spaced dash is punctuation.
      const prevTouches = out.length > 0 && out[out.length - 1]!.end === wStart;
      const nextTouches = pos < end && !/\s/.test(text[pos] ?? " ");
      if (prevTouches && nextTouches) joinNext = true;
      else out.push(word(raw, raw, wStart, pos, 0, false, true));
    } else if (
      (raw === "'" || raw === "’") &&
      out.length > 0 &&
      out[out.length - 1]!.end === wStart &&
      !/\p{L}/u.test(text[pos] ?? "")
    ) {
      // the plural possessive ("the countries' ties", "Workers' Party") reads like "'s"
      out.push(word("'s", raw, wStart, pos, 0, false, false));
      joinNext = false;
    } else {
      if (raw === ".") {
        joinNext = false;
        continue;
      }
      out.push(word(raw, raw, wStart, pos, 0, false, true));
      joinNext = false;
    }
  }
  return fixPossessives(out);
}

/** "Russia's" comes out of the word pattern as one word with an inner apostrophe; split it into "Russia" + "'s". */
function fixPossessives(words: PhraseWord[]): PhraseWord[] {
  let any = false;
  for (const w of words) if (!w.punct && w.key.length > 2 && w.key.endsWith("'s")) any = true;
  if (!any) return words;
  const out: PhraseWord[] = [];
  for (const w of words) {
    if (!w.punct && w.key.length > 2 && w.key.endsWith("'s")) {
      const base = w.text.slice(0, -2);
      out.push(word(w.key.slice(0, -2), base, w.start, w.end - 2, capsOf(base), w.joined, false));
      out.push(word("'s", w.text.slice(-2), w.end - 2, w.end, 0, false, false));
    } else out.push(w);
  }
  return out;
}
