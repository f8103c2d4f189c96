import { MONTH_NAMES, WEEKDAY_NAMES } from "../text/index.js";
import type { Token } from "../types/doc.js";
import type { Lexicon } from "./lexicon.js";

/**
 * Clause segmentation of one sentence. A sentence is cut into segments at subordinators, relative pronouns,
 * contrastive conjunctions, strong punctuation and after verbs of saying. Each segment knows what opened it, so that
 * the role finder can inherit a subject across "and"/"but"/"who" and the modality scope stops at the right place.
 */
export type Boundary =
  | "start" // sentence start
  | "that" // complementiser: "said that", "possible that"
  | "rel" // relative pronoun: "who", "which", "that" after a noun; or none ("the officials they blame"), openerToken -1
  | "sub" // subordinator: if, when, because, after, while ...
  | "contrast" // but, yet, although
  | "and" // ", and" / "and" before a verb or a new subject
  | "punct" // ; : — ( )
  | "report" // after a verb of saying with no "that"
  | "quote"; // an opening or closing quotation mark

export interface Segment {
  readonly start: number; // absolute token index, inclusive
  readonly end: number; // exclusive
  readonly opener: Boundary;
  /** Token index of the word that opened the segment (or -1). */
  readonly openerToken: number;
}

const SUBORDINATORS = new Set([
  "if",
  "unless",
  "because",
  "although",
  "though",
  "while",
  "whereas",
  "when",
  "whenever",
  "after",
  "before",
  "since",
  "until",
  "whether",
  "once",
]);
const RELATIVES = new Set(["who", "whom", "whose", "which", "where"]);
const CONTRAST = new Set(["but", "yet"]);
const STRONG_PUNCT = new Set([";", ":", "—", "–", "--", "(", ")"]);
const QUOTES = new Set(['"', "“", "”", "«", "»"]);
/**
 * Every word the tests below look at before the last one (which looks only at the word before): a word outside it
 * goes straight to that test, one set lookup instead of six.
 */
const CLAUSE_WORDS = new Set([
  ...QUOTES,
  ...STRONG_PUNCT,
  ...CONTRAST,
  ...SUBORDINATORS,
  ...RELATIVES,
  "although",
  "though",
  "whereas",
  "that",
  ",",
  "and",
]);

export function segmentSentence(
  tokens: readonly Token[],
  start: number,
  end: number,
  lexicon: Lexicon,
  isMention: (t: number) => boolean,
): Segment[] {
  const cuts: { at: number; opener: Boundary; token: number }[] = [];
  for (let i = start + 1; i < end; i++) {
    const t = tokens[i]!;
    const w = t.lower;
    const prev = tokens[i - 1]!;
    if (!CLAUSE_WORDS.has(w)) {
      if (reducedRelativeAt(tokens, i, start, end, lexicon, isMention)) {
        // "the officials they blame for …", "a charge the army denied": a relative clause with no pronoun
        cuts.push({ at: i, opener: "rel", token: -1 });
      } else if (prev.pos === "VERB" && lexicon.report.has(prev.lemma) && t.pos !== "ADP") {
        // "Putin says there is no need ..." — what follows a verb of saying is its own clause.
        if (w !== "." && t.pos !== "PART") cuts.push({ at: i, opener: "report", token: -1 });
      }
    } else if (QUOTES.has(w)) {
      cuts.push({ at: i, opener: "quote", token: i });
    } else if (STRONG_PUNCT.has(w)) {
      cuts.push({ at: i, opener: "punct", token: i });
    } else if (CONTRAST.has(w) && t.pos === "CCONJ") {
      cuts.push({ at: i, opener: "contrast", token: i });
    } else if (w === "although" || w === "though" || w === "whereas") {
      cuts.push({ at: i, opener: "contrast", token: i });
    } else if (SUBORDINATORS.has(w) && (t.pos === "SCONJ" || t.pos === "ADP" || t.pos === "ADV")) {
      // "after" and "before" as prepositions ("after talks") are not clause openers: need a verb soon after.
      if (
        (w === "after" || w === "before" || w === "since" || w === "until") &&
        !verbWithin(tokens, i + 1, end, 4)
      )
        continue;
      cuts.push({ at: i, opener: "sub", token: i });
    } else if (RELATIVES.has(w) && (t.pos === "PRON" || t.pos === "DET" || t.pos === "ADV")) {
      cuts.push({ at: i, opener: "rel", token: i });
    } else if (
      w === "that" &&
      t.pos === "DET" &&
      (prev.pos === "ADJ" || (prev.pos === "VERB" && lexicon.report.has(prev.lemma))) &&
      verbWithin(tokens, i + 2, end, 6)
    ) {
      // "hopeful that relations could improve", "said that talks would resume": wink tags this "that" DET
      cuts.push({ at: i, opener: "that", token: i });
    } else if (
      w === "," &&
      next1(tokens, i, end)?.pos === "VERB" &&
      next1(tokens, i, end)!.lower.endsWith("ing") &&
      next1(tokens, i, end)!.lower !== "according" // ", according to …" attributes the whole clause
    ) {
      // ", accusing Israel of …", ", killing five": a participial clause shares the subject, not the negation
      cuts.push({ at: i, opener: "and", token: i });
    } else if (w === "that" && (t.pos === "SCONJ" || t.pos === "PRON")) {
      const afterNoun = prev.pos === "NOUN" || prev.pos === "PROPN" || isMention(i - 1);
      const afterSaying = lexicon.report.has(prev.lemma) || prev.pos === "ADJ" || prev.pos === "VERB";
      cuts.push({ at: i, opener: afterNoun && !afterSaying ? "rel" : "that", token: i });
    } else if (w === "and" && t.pos === "CCONJ") {
      // A new clause when "and" is followed by a verb (shared subject) or by a subject and a verb.
      const next = tokens[i + 1];
      if (
        next &&
        i + 1 < end &&
        (next.pos === "VERB" || (next.pos === "AUX" && verbWithin(tokens, i + 2, end, 2)))
      ) {
        cuts.push({ at: i, opener: "and", token: i });
      } else if (prev.lower === "," && verbWithin(tokens, i + 1, end, 5) && !isMention(i - 2)) {
        cuts.push({ at: i, opener: "and", token: i });
      }
    } else if (prev.pos === "VERB" && lexicon.report.has(prev.lemma) && t.pos !== "ADP" && w !== "that") {
      // "Putin says there is no need ..." — what follows a verb of saying is its own clause.
      if (w !== "," && w !== "." && t.pos !== "PART") cuts.push({ at: i, opener: "report", token: -1 });
    }
  }
  const segments: Segment[] = [];
  let s = start;
  let opener: Boundary = "start";
  let openerToken = -1;
  // "If Iran does not comply, Britain will …": a sentence that opens on a subordinate clause is cut at the comma that
  // ends it, so that its own cues ("not") stay in it; only its "if" reaches the main clause (see modality.ts)
  const first = tokens[start];
  if (
    first &&
    SUBORDINATORS.has(first.lower) &&
    (first.pos === "SCONJ" || first.pos === "ADP" || first.pos === "ADV")
  ) {
    const comma = frontedClauseEnd(tokens, start + 1, cuts[0]?.at ?? end);
    if (comma !== -1) {
      opener = "sub";
      openerToken = start;
      cuts.unshift({ at: comma, opener: "punct", token: comma });
    }
  }
  for (const c of cuts) {
    if (c.at > s) segments.push({ start: s, end: c.at, opener, openerToken });
    s = c.at;
    opener = c.opener;
    openerToken = c.token;
  }
  if (end > s) segments.push({ start: s, end, opener, openerToken });
  return segments;
}

const NOUN_PHRASE = new Set(["NOUN", "PROPN", "ADJ", "NUM"]);
/** Subject pronouns that can open a relative clause with no relative pronoun ("the weapons they sent"). */
const REL_SUBJECT_PRONOUNS = new Set(["they", "he", "she", "we", "i", "you", "it"]);
/** Nouns of time that open a main clause rather than head a relative one ("Last week Iran said …"). */
const TIME_NOUNS = new Set([
  ...WEEKDAY_NAMES,
  ...MONTH_NAMES,
  "day",
  "days",
  "week",
  "weeks",
  "weekend",
  "month",
  "months",
  "year",
  "years",
  "night",
  "morning",
  "afternoon",
  "evening",
  "time",
  "today",
  "tonight",
  "yesterday",
  "ago",
]);

/**
 * A reduced object relative clause — one with no relative pronoun — opening at token `i`: a common noun, then a
 * subject (a pronoun, or an actor with an optional "the"), then its verb: "the officials **they** blame for …", "the
 * companies **Washington** accuses of …", "a charge **the Israeli military** denied". The noun before is the verb's
 * object, the mention its subject. Not after a fronted adverbial ("After the talks they signed …", "Last week Iran said …") nor
 * after the addressee of a verb of saying ("told reporters Iran had …").
 */
export function reducedRelativeAt(
  tokens: readonly Token[],
  i: number,
  start: number,
  end: number,
  lexicon: Lexicon,
  isMention: (t: number) => boolean,
): boolean {
  const head = tokens[i - 1];
  if (!head || i - 1 < start || head.pos !== "NOUN" || TIME_NOUNS.has(head.lower)) return false;
  if (head.text[0] !== head.text[0]!.toLowerCase()) return false;
  const t = tokens[i]!;
  let k = i;
  if (REL_SUBJECT_PRONOUNS.has(t.lower) && t.pos === "PRON") k = i + 1;
  else {
    if (t.lower === "the" && t.pos === "DET" && !isMention(i)) k++;
    if (k >= end || !isMention(k)) return false;
    // without "the", a name that starts afresh: "a security official said", "relief officials said" are compounds
    // (a plural actor before it may still head the clause: "the Chinese firms Washington blacklisted"), and "the
    // Russian president Vladimir Putin" is one actor named twice
    const pluralHead = head.lower.endsWith("s") && !head.lower.endsWith("ss");
    if (
      k === i &&
      ((isMention(i - 1) && !pluralHead) || t.pos !== "PROPN" || t.text[0] === t.text[0]!.toLowerCase())
    )
      return false;
    // "the governing Labour Party", "the defeated Fatah Party": a participle wink took for a noun modifies the name
    if (k === i && (head.lower.endsWith("ing") || head.lower.endsWith("ed"))) return false;
    while (k < end && isMention(k)) k++;
  }
  let aux = false;
  for (let n = 0; n < 3 && k < end; n++) {
    const p = tokens[k]!.pos;
    if (p === "AUX") aux = true;
    else if (!(p === "ADV" || (p === "PART" && tokens[k]!.lower !== "to"))) break;
    k++;
  }
  const v = tokens[k];
  if (!v || k >= end || v.pos !== "VERB") return false;
  if (v.lower.endsWith("ing") && !aux) return false;
  // the head noun phrase and what governs it
  let g = i - 2;
  while (g >= start && NOUN_PHRASE.has(tokens[g]!.pos)) g--;
  while (g >= start && tokens[g]!.pos === "DET") g--;
  // the sentence or a coordinated clause opens on it: "Rights watchdog Amnesty International accused …", "…, but
  // defence officials cautioned …" name a subject, not an object
  if (g < start) return false;
  const gov = tokens[g]!;
  if (gov.pos === "CCONJ") return false;
  if (gov.pos === "VERB" && lexicon.report.has(gov.lemma)) return false; // "told reporters Iran had …"
  if ((gov.pos === "ADP" || gov.pos === "SCONJ") && (g === start || tokens[g - 1]!.lower === ","))
    return false;
  return true;
}

/** The comma that ends a fronted subordinate clause: the first one after a verb, before `limit`; -1 when none. */
function frontedClauseEnd(tokens: readonly Token[], from: number, limit: number): number {
  let verb = false;
  for (let i = from; i < limit; i++) {
    const t = tokens[i]!;
    if (t.pos === "VERB" || t.pos === "AUX") verb = true;
    else if (t.lower === "," && verb) return i + 1 < limit ? i : -1;
  }
  return -1;
}

function next1(tokens: readonly Token[], i: number, end: number): Token | undefined {
  return i + 1 < end ? tokens[i + 1] : undefined;
}

function verbWithin(tokens: readonly Token[], from: number, end: number, n: number): boolean {
  for (let i = from; i < Math.min(end, from + n); i++) {
    const p = tokens[i]!.pos;
    if (p === "VERB") return true;
    if (p === "PUNCT") return false;
  }
  return false;
}

export function segmentIndexOf(segments: readonly Segment[], token: number): number {
  for (let i = 0; i < segments.length; i++) {
    const s = segments[i]!;
    if (token >= s.start && token < s.end) return i;
  }
  return -1;
}
