import type { EventPattern, NotEventPhrase } from "./event-pattern.js";

/** Compiled lookups over every event pattern. Lists are sorted most specific first. */
export interface PatternIndex {
  readonly patterns: readonly EventPattern[];
  /** Verb patterns keyed by each lemma of their head (first) word. */
  readonly byHead: ReadonlyMap<string, readonly EventPattern[]>;
  /** Noun patterns keyed by each lemma of their first word. */
  readonly nounFirst: ReadonlyMap<string, readonly EventPattern[]>;
  /** Phrases that are not events ("heart attack", "trade war"), keyed by each lemma of their first word. */
  readonly notEvents: ReadonlyMap<string, readonly NotEventPhrase[]>;
}

function bySpecificity(a: EventPattern, b: EventPattern): number {
  return (
    b.specificity - a.specificity ||
    b.code.length - a.code.length ||
    (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
    a.line - b.line
  );
}

/** Builds the head/first-word maps from validated patterns. */
export function compilePatterns(
  patterns: readonly EventPattern[],
  notEventPhrases: readonly NotEventPhrase[] = [],
): PatternIndex {
  const byHead = new Map<string, EventPattern[]>();
  const nounFirst = new Map<string, EventPattern[]>();
  for (const p of patterns) {
    const first = p.words[0];
    if (first?.kind !== "word") continue;
    const map = p.kind === "verb" ? byHead : nounFirst;
    for (const lemma of first.lemmas) {
      const list = map.get(lemma);
      if (list) list.push(p);
      else map.set(lemma, [p]);
    }
  }
  for (const list of byHead.values()) list.sort(bySpecificity);
  for (const list of nounFirst.values()) list.sort(bySpecificity);
  const notEvents = new Map<string, NotEventPhrase[]>();
  for (const phrase of notEventPhrases) {
    const first = phrase.words[0];
    if (first?.kind !== "word") continue;
    for (const lemma of first.lemmas) {
      const list = notEvents.get(lemma);
      if (list) list.push(phrase);
      else notEvents.set(lemma, [phrase]);
    }
  }
  return { patterns, byHead, nounFirst, notEvents };
}
