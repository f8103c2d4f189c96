import type { Quote, Sentence, Token } from "../types/doc.js";
import { WEEKDAY_NAMES } from "./calendar-words.js";
import { tokenAt } from "./token-at.js";

/** Lemmas of verbs that introduce reported speech ("said", "told", "added", "warned", ...). */
const SPEECH_VERBS = new Set([
  "say",
  "tell",
  "add",
  "state",
  "declare",
  "announce",
  "reply",
  "respond",
  "answer",
  "warn",
  "insist",
  "claim",
  "note",
  "explain",
  "write",
  "ask",
  "argue",
  "stress",
  "emphasize",
  "emphasise",
  "conclude",
  "remark",
  "observe",
  "comment",
  "tweet",
  "deny",
  "acknowledge",
  "admit",
  "affirm",
  "assert",
  "caution",
  "complain",
  "confirm",
  "promise",
  "predict",
  "urge",
  "suggest",
  "recall",
  "report",
  "vow",
  "threaten",
  "retort",
  "agree",
  "pledge",
  "counter",
  "contend",
  "maintain",
  "allege",
  "testify",
  "shout",
  "joke",
  "quip",
  "boast",
  "lament",
  "concede",
  "reiterate",
  "repeat",
  "demand",
  "charge",
  "proclaim",
  "continue",
  "announce",
  "speculate",
  "estimate",
  "mention",
]);

/** Part-of-speech tags that can be part of a speaker noun phrase. */
const NP_TAGS = new Set(["DET", "ADJ", "PROPN", "NOUN", "NUM"]);
/** Function words allowed inside a speaker phrase between nouns ("spokesman for the ministry"). */
const NP_LINKS = new Set(["of", "for", "at", "and", "&"]);
/** Possessive and name-internal marks ("Putin's spokesman", "Abdel-Fattah"). */
const NP_JOINERS = new Set(["'s", "’s", "'", "’", "-", "."]);
const TIME_WORDS = new Set([...WEEKDAY_NAMES, "today", "yesterday", "tonight"]);
/** Relative and interrogative pronouns: never a speaker themselves ("X, who said", "a leak that suggested"). */
const RELATIVES = new Set(["who", "whom", "whose", "which", "that", "what", "whoever", "whatever"]);
/** Speech verbs whose following noun phrase is the addressee, not the speaker ("told reporters"). */
const ADDRESSEE_VERBS = new Set([
  "tell",
  "ask",
  "urge",
  "warn",
  "promise",
  "threaten",
  "remind",
  "assure",
  "inform",
]);
/** Appositive search: how far back a comma may open "X, a senior official at Y, said". */
const MAX_APPOSITIVE = 14;
/** Possessive pronouns act as determiners inside a speaker phrase ("his spokesman"). */
const POSSESSIVES = new Set(["his", "her", "its", "their", "our", "my", "your"]);
const MAX_NP = 10;
/** Tokens of adjunct allowed between a speech verb and the quote ("told reporters", "said in a statement"). */
const MAX_ADJUNCT = 7;

const OPEN = 1;
const CLOSE = 2;
const EITHER = 3;

function markKind(c: string): number {
  switch (c) {
    case "“":
    case "„":
    case "«":
      return OPEN;
    case "”":
    case "»":
      return CLOSE;
    default:
      return EITHER;
  }
}

interface Span {
  start: number;
  end: number;
  /** The quote ran to the end of its paragraph without a closing mark. */
  open: boolean;
}

function inPhrase(t: Token): boolean {
  return NP_TAGS.has(t.pos) || (t.pos === "PRON" && POSSESSIVES.has(t.lower));
}

function isPersonalPronoun(t: Token): boolean {
  return t.pos === "PRON" && !POSSESSIVES.has(t.lower) && !RELATIVES.has(t.lower);
}

/** "the general", "the accused": a determiner and an adjective used as a noun (the tagger says ADJ). */
function nominalised(tokens: readonly Token[], a: number, b: number): boolean {
  return b - a >= 2 && tokens[a]!.pos === "DET" && tokens[b - 1]!.pos === "ADJ";
}

function isSpeechVerb(t: Token): boolean {
  return (t.pos === "VERB" || t.pos === "AUX") && SPEECH_VERBS.has(t.lemma);
}

/** The speaker phrase starting at token `i` and running forward, as a token range, or null. */
function phraseForward(tokens: readonly Token[], i: number, last: number): [number, number] | null {
  const first = tokens[i];
  if (first === undefined || i > last) return null;
  if (RELATIVES.has(first.lower)) return null;
  if (isPersonalPronoun(first)) return [i, i + 1];
  let j = i;
  let hasNoun = false;
  while (j <= last && j - i < MAX_NP) {
    const t = tokens[j]!;
    if (inPhrase(t)) {
      if (t.pos === "NOUN" || t.pos === "PROPN") hasNoun = true;
      j++;
    } else if (NP_JOINERS.has(t.text) && j > i && tokens[j - 1]!.end === t.start) {
      j++;
    } else if (NP_LINKS.has(t.lower) && hasNoun && j + 1 <= last && inPhrase(tokens[j + 1]!)) {
      j++;
    } else break;
  }
  // Do not end on a link word or joiner.
  while (j > i && !inPhrase(tokens[j - 1]!)) j--;
  return j > i && (hasNoun || nominalised(tokens, i, j)) ? [i, j] : null;
}

/** The speaker phrase ending just before token `end` (exclusive), walking back no further than `first`. */
function phraseBackward(tokens: readonly Token[], end: number, first: number): [number, number] | null {
  const lastTok = tokens[end - 1];
  if (lastTok === undefined || end - 1 < first) return null;
  if (RELATIVES.has(lastTok.lower)) {
    // "Putin, who spoke by video, said" / "the ministry, which said": the phrase before the comma.
    const comma = tokens[end - 2];
    return comma !== undefined && comma.text === "," ? phraseBackward(tokens, end - 2, first) : null;
  }
  if (isPersonalPronoun(lastTok)) return [end - 1, end];
  let j = end;
  let hasNoun = false;
  while (j > first && end - j < MAX_NP) {
    const t = tokens[j - 1]!;
    if (inPhrase(t)) {
      if (t.pos === "NOUN" || t.pos === "PROPN") hasNoun = true;
      j--;
    } else if (NP_JOINERS.has(t.text) && j < end && t.end === tokens[j]!.start) {
      j--;
    } else if (NP_LINKS.has(t.lower) && j < end && j - 2 >= first && inPhrase(tokens[j - 2]!)) {
      j--;
    } else break;
  }
  while (j < end && !inPhrase(tokens[j]!)) j++;
  // Leading time words belong to the clause, not the speaker ("On Monday Putin said").
  while (j < end - 1 && TIME_WORDS.has(tokens[j]!.lower)) j++;
  return j < end && (hasNoun || nominalised(tokens, j, end)) ? [j, end] : null;
}

/** Skips adverbs, auxiliaries and negation going back from `i` (inclusive); returns the new index. */
function skipBackOverModifiers(tokens: readonly Token[], i: number, first: number): number {
  let k = i;
  while (k >= first) {
    const t = tokens[k]!;
    if (t.pos === "ADV" || t.pos === "PART" || (t.pos === "AUX" && !SPEECH_VERBS.has(t.lemma))) k--;
    else break;
  }
  return k;
}

/** Speaker from the words after the closing mark: `"…," he said`, `"…," said X`, `"…", according to X`. */
function speakerAfter(tokens: readonly Token[], from: number, last: number): [number, number] | null {
  let i = from;
  while (i <= last && tokens[i]!.pos === "PUNCT" && tokens[i]!.text !== "“" && tokens[i]!.text !== '"') i++;
  if (i > last) return null;
  const t = tokens[i]!;
  if (t.lower === "according" && tokens[i + 1]?.lower === "to") return phraseForward(tokens, i + 2, last);
  if (isSpeechVerb(t)) return phraseForward(tokens, i + 1, last);
  const np = phraseForward(tokens, i, last);
  if (np === null) return null;
  let k = np[1];
  let passive = false;
  while (k <= last) {
    const m = tokens[k]!;
    if (m.pos === "AUX" && m.lemma === "be") passive = true;
    if (m.pos === "ADV" || m.pos === "PART" || (m.pos === "AUX" && !SPEECH_VERBS.has(m.lemma))) k++;
    else break;
  }
  if (k > last || !isSpeechVerb(tokens[k]!)) return null;
  // "reporters were told by X": the speaker is the agent, if named.
  if (passive) return tokens[k + 1]?.lower === "by" ? phraseForward(tokens, k + 2, last) : null;
  return np;
}

/** Speaker from the words before the opening mark: `X said: "…"`, `X replied that "…"`, `said X: "…"`. */
function speakerBefore(tokens: readonly Token[], before: number, first: number): [number, number] | null {
  let i = before;
  // Only a quote that opens a clause can follow its speaker inverted ("said Foreign Minister Wang Yi:").
  const opensClause = tokens[i]!.text === ":" || tokens[i]!.text === ",";
  while (i >= first && (tokens[i]!.pos === "PUNCT" || tokens[i]!.lower === "that")) {
    if (tokens[i]!.text === "”" || tokens[i]!.text === '"') return null;
    i--;
  }
  if (i < first) return null;
  // "X said:" / "X told reporters:" / "X said in a statement:" — find the speech verb close by.
  for (let k = i; k >= first && i - k <= MAX_ADJUNCT; k--) {
    const t = tokens[k]!;
    if (isSpeechVerb(t)) {
      const subjectEnd = skipBackOverModifiers(tokens, k - 1, first) + 1;
      const np = phraseBackward(tokens, subjectEnd, first) ?? appositiveSubject(tokens, subjectEnd, first);
      if (np !== null) return np;
      // Inverted: "said Foreign Minister Wang Yi:" (but "told reporters:" names the addressee).
      if (opensClause && k < i && !ADDRESSEE_VERBS.has(t.lemma)) return phraseForward(tokens, k + 1, i);
      return null;
    }
    if (t.pos === "PUNCT" && t.text !== "-" && t.text !== "." && t.text !== "'s") break;
    if (t.pos === "VERB" && k !== i) break;
  }
  // "according to X: "…""
  const np = phraseBackward(tokens, i + 1, first);
  if (np !== null && np[0] >= first + 2) {
    const a = tokens[np[0] - 2]!;
    const b = tokens[np[0] - 1]!;
    if (a.lower === "according" && b.lower === "to") return np;
  }
  return null;
}

/** "X, a senior official at Y, said": the phrase before the comma that opens the appositive. */
function appositiveSubject(tokens: readonly Token[], end: number, first: number): [number, number] | null {
  if (end - 1 < first || tokens[end - 1]!.text !== ",") return null;
  for (let k = end - 2; k > first && end - k <= MAX_APPOSITIVE; k--) {
    const t = tokens[k]!;
    if (t.text === ",") return phraseBackward(tokens, k, first);
    if (t.pos === "VERB" || t.text === "”" || t.text === '"') return null;
  }
  return null;
}

/** Whether the quote whose first word is token `first` opens its sentence (only its mark before it). */
function opensSentence(tokens: readonly Token[], sentences: readonly Sentence[], first: number): boolean {
  const s = sentences[tokens[first]!.sentence]!;
  return first - s.tokenStart <= 1;
}

function scanMarks(text: string): Span[] {
  const out: Span[] = [];
  const marks = /["“”„«»\n]/g;
  let open = -1;
  for (let m = marks.exec(text); m !== null; m = marks.exec(text)) {
    const at = m.index;
    const c = m[0];
    if (c === "\n") {
      // News style: a quote that runs on to the next paragraph is closed by the paragraph's end.
      if (open >= 0) out.push({ start: open + 1, end: at, open: true });
      open = -1;
      continue;
    }
    const kind = markKind(c);
    if (open < 0) {
      if (kind !== CLOSE) open = at;
    } else if (kind === OPEN) {
      open = at;
    } else {
      out.push({ start: open + 1, end: at, open: false });
      open = -1;
    }
  }
  if (open >= 0) out.push({ start: open + 1, end: text.length, open: true });
  return out;
}

/**
 * Finds direct quotes in straight or curly quotation marks — one quote may span several sentences, and
 * a quote left open at a paragraph's end closes there — and the noun phrase that says each one:
 * `"…," he said`, `"…," said Foreign Minister Wang Yi`, `X said: "…"`, `X replied that "…"`,
 * `"…," the Russian president said`, `according to X`. A quote without its own attribution that follows a
 * quote of the same paragraph in the next sentence inherits that speaker, and a quote left open at a
 * paragraph's end takes the speaker of the quote that continues it. Pronouns are not resolved.
 */
export function findQuotes(text: string, tokens: readonly Token[], sentences: readonly Sentence[]): Quote[] {
  const quotes: Quote[] = [];
  if (tokens.length === 0) return quotes;
  let prev: Quote | null = null;
  let prevLastSentence = -1;
  const spans = scanMarks(text);
  // Quotes left open at a paragraph's end, waiting for the speaker of the quote that continues them.
  const continued: number[] = [];
  for (const raw of spans) {
    let start = raw.start;
    let end = raw.end;
    while (start < end && /\s/.test(text.charAt(start))) start++;
    // A trailing comma inside the marks is punctuation of the sentence, not of the quoted words.
    while (end > start && (/\s/.test(text.charAt(end - 1)) || text.charAt(end - 1) === ",")) end--;
    if (end <= start) continue;
    const firstInside = tokenAt(tokens, start);
    if (firstInside >= tokens.length) continue;
    const sentence = tokens[firstInside]!.sentence;
    const lastInside = tokenAt(tokens, end) - 1;
    const lastSentence = tokens[lastInside]!.sentence;
    // After the closing mark, within the sentence the quote ends in.
    const afterClose = tokenAt(tokens, raw.end + 1);
    const closeSentence = sentences[lastSentence]!;
    let np: [number, number] | null = null;
    if (afterClose < closeSentence.tokenEnd)
      np = speakerAfter(tokens, afterClose, closeSentence.tokenEnd - 1);
    if (np === null) {
      // Before the opening mark, within the sentence the quote starts in.
      const beforeOpen = tokenAt(tokens, raw.start - 1) - 1;
      const openSentence = sentences[sentence]!;
      if (beforeOpen >= openSentence.tokenStart)
        np = speakerBefore(tokens, beforeOpen, openSentence.tokenStart);
    }
    let speaker: Quote["speaker"] = null;
    if (np !== null) {
      const a = tokens[np[0]]!;
      const b = tokens[np[1] - 1]!;
      speaker = { text: text.slice(a.start, b.end), start: a.start, end: b.end };
    } else if (
      prev?.speaker &&
      sentence - prevLastSentence <= 1 &&
      opensSentence(tokens, sentences, firstInside)
    ) {
      const nl = text.indexOf("\n", prev.end);
      if (nl < 0 || nl >= start) speaker = prev.speaker;
    }
    if (speaker !== null) {
      for (const k of continued) quotes[k] = { ...quotes[k]!, speaker };
      continued.length = 0;
    } else if (!raw.open) continued.length = 0;
    const quote: Quote = { text: text.slice(start, end), start, end, sentence, speaker };
    if (raw.open && speaker === null) continued.push(quotes.length);
    quotes.push(quote);
    prev = quote;
    prevLastSentence = lastSentence;
  }
  return quotes;
}
