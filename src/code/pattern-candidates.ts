import type { EventPatternLike } from "./ports.js";

/** The patterns that start with one lemma, in the pattern source's order, each with the word groups it needs. */
export interface CandidateList {
  readonly patterns: readonly EventPatternLike[];
  /** Per pattern, the ids of the groups of alternatives at its later word positions. */
  readonly needs: readonly Int32Array[];
  /** The distinct groups the patterns need first (at their second word position). */
  readonly firstGroups: Int32Array;
  /** Per first group (`words` 32-bit words each), the bit set of the patterns that need it first. */
  readonly firstMasks: Int32Array;
  /** The bit set of the patterns that need no later word ("visit", "accuse {T}"). */
  readonly free: Int32Array;
  /** 32-bit words per bit set: ceil(patterns / 32). */
  readonly words: number;
}

/** What the candidates know about one lemma: the patterns it starts, and its id when some pattern needs it later. */
export interface LemmaEntry {
  /** Id among the lemmas patterns need after their first word, or -1. */
  readonly id: number;
  readonly verbs: CandidateList | undefined;
  readonly nouns: CandidateList | undefined;
}

/** Stamps restart before they could overflow an Int32Array. */
const STAMP_LIMIT = 0x3fffffff;

/**
 * A cheap necessary condition checked before the matcher runs: the matcher finds every word of a pattern after its
 * head and before the limit, so a pattern one of whose later words (any of its alternatives) does not occur in the
 * sentence after the head cannot match there. `startSentence` notes, for every lemma some pattern needs, whether and
 * where last it occurs in the sentence; `mayMatch` then answers per pattern with a few array reads, and remembers the
 * answer for each group of alternatives until the next head ("ready|willing|prepared" is shared by dozens of
 * patterns). Nothing is allocated per sentence or token. Skipping only patterns that cannot match keeps the
 * matcher's results, and their order, exactly as they were.
 */
export class PatternCandidates {
  /** Verb patterns by head lemma, as the pattern source's `byHead`. */
  readonly verbs = new Map<string, CandidateList>();
  /** Noun patterns by first lemma, as the pattern source's `nounFirst`. */
  readonly nouns = new Map<string, CandidateList>();
  private readonly lemmaIds = new Map<string, number>();
  /** Every lemma that starts a pattern or is needed later in one. */
  private readonly entries = new Map<string, LemmaEntry>();
  /** The entry of each token of the current sentence (index `t - sentenceStart`), reused between sentences. */
  private readonly atToken: (LemmaEntry | undefined)[] = [];
  private sentenceStart = 0;
  /** Group id → the lemma ids of its alternatives. */
  private readonly groups: Int32Array[] = [];
  /** Per lemma id: the sentence stamp when it was last seen, and its last token index in that sentence. */
  private seenIn: Int32Array;
  private lastAt: Int32Array;
  private sentenceStamp = 0;
  /** Per group id: the head stamp of the cached answer, and the answer (1 = occurs after the head). */
  private groupHead: Int32Array;
  private groupOk: Uint8Array;
  private headStamp = 0;
  /** The bit set `select` computed: the patterns of one list whose first needed group occurs after the head. */
  private mask: Int32Array;
  private maskWords = 1;

  constructor(
    byHead: ReadonlyMap<string, readonly EventPatternLike[]>,
    nounFirst: ReadonlyMap<string, readonly EventPatternLike[]>,
  ) {
    const groupIds = new Map<string, number>();
    const compiled = new Map<EventPatternLike, Int32Array>();
    const needsOf = (p: EventPatternLike): Int32Array => {
      const known = compiled.get(p);
      if (known) return known;
      const ids: number[] = [];
      for (let w = 1; w < p.words.length; w++) {
        const word = p.words[w]!;
        if (word.kind !== "word") continue;
        const key = [...new Set(word.lemmas)].sort().join("\u0000");
        let g = groupIds.get(key);
        if (g === undefined) {
          g = this.groups.length;
          groupIds.set(key, g);
          this.groups.push(Int32Array.from(key.split("\u0000"), (l) => this.lemmaId(l)));
        }
        if (!ids.includes(g)) ids.push(g);
      }
      const needs = Int32Array.from(ids);
      compiled.set(p, needs);
      return needs;
    };
    const compileList = (patterns: readonly EventPatternLike[]): CandidateList => {
      const needs = patterns.map(needsOf);
      const words = Math.max(1, Math.ceil(patterns.length / 32));
      const firsts: number[] = [];
      for (const n of needs) if (n.length > 0 && !firsts.includes(n[0]!)) firsts.push(n[0]!);
      const firstMasks = new Int32Array(firsts.length * words);
      const free = new Int32Array(words);
      needs.forEach((n, i) => {
        const bit = 1 << (i & 31);
        if (n.length === 0) free[i >>> 5]! |= bit;
        else firstMasks[firsts.indexOf(n[0]!) * words + (i >>> 5)]! |= bit;
      });
      this.maskWords = Math.max(this.maskWords, words);
      return { patterns, needs, firstGroups: Int32Array.from(firsts), firstMasks, free, words };
    };
    for (const [lemma, list] of byHead) this.verbs.set(lemma, compileList(list));
    for (const [lemma, list] of nounFirst) this.nouns.set(lemma, compileList(list));
    for (const lemma of new Set([...this.verbs.keys(), ...this.nouns.keys(), ...this.lemmaIds.keys()]))
      this.entries.set(lemma, {
        id: this.lemmaIds.get(lemma) ?? -1,
        verbs: this.verbs.get(lemma),
        nouns: this.nouns.get(lemma),
      });
    this.seenIn = new Int32Array(this.lemmaIds.size);
    this.lastAt = new Int32Array(this.lemmaIds.size);
    this.groupHead = new Int32Array(this.groups.length);
    this.groupOk = new Uint8Array(this.groups.length);
    this.mask = new Int32Array(this.maskWords);
  }

  private lemmaId(lemma: string): number {
    let id = this.lemmaIds.get(lemma);
    if (id === undefined) {
      id = this.lemmaIds.size;
      this.lemmaIds.set(lemma, id);
    }
    return id;
  }

  /** Notes which pattern words occur in `lemmas[ss..se)`; `mayMatch` then answers for heads in that range. */
  startSentence(lemmas: readonly string[], ss: number, se: number): void {
    if (++this.sentenceStamp >= STAMP_LIMIT) {
      this.seenIn.fill(0);
      this.sentenceStamp = 1;
    }
    const stamp = this.sentenceStamp;
    const atToken = this.atToken;
    this.sentenceStart = ss;
    for (let t = ss; t < se; t++) {
      const entry = this.entries.get(lemmas[t]!);
      atToken[t - ss] = entry;
      if (entry === undefined || entry.id < 0) continue;
      this.seenIn[entry.id] = stamp;
      this.lastAt[entry.id] = t;
    }
    this.startHead();
  }

  /** The patterns token `t` of the current sentence starts (undefined when none and no pattern needs its lemma). */
  entryAt(t: number): LemmaEntry | undefined {
    return this.atToken[t - this.sentenceStart];
  }

  /** Forgets the per-group answers: call before asking about a new head token. */
  startHead(): void {
    if (++this.headStamp >= STAMP_LIMIT) {
      this.groupHead.fill(0);
      this.headStamp = 1;
    }
  }

  /**
   * False when the pattern with these `needs` cannot match with its head at `head` in the current sentence: some
   * later word of it occurs nowhere after the head. Call `startHead` first whenever `head` changes.
   */
  mayMatch(needs: Int32Array, head: number): boolean {
    for (let k = 0; k < needs.length; k++) if (!this.occursAfter(needs[k]!, head)) return false;
    return true;
  }

  /**
   * The index in `list` of the first pattern from `from` on that may match with its head at `head` (see `mayMatch`),
   * or -1; in the list's order, so the caller still meets the most specific pattern first. Call `startHead` first
   * whenever `head` changes; `from` 0 starts a new walk through `list`:
   * `for (let i = c.next(list, t, 0); i >= 0; i = c.next(list, t, i + 1))`.
   */
  next(list: CandidateList, head: number, from: number): number {
    const { words, needs } = list;
    const mask = this.mask;
    if (from === 0) {
      // patterns whose first needed group is missing are never visited: dozens of "be ready to …" at each "be"
      for (let w = 0; w < words; w++) mask[w] = list.free[w]!;
      const firsts = list.firstGroups;
      for (let j = 0; j < firsts.length; j++) {
        if (!this.occursAfter(firsts[j]!, head)) continue;
        for (let w = 0; w < words; w++) mask[w]! |= list.firstMasks[j * words + w]!;
      }
    }
    for (let w = from >>> 5; w < words; w++) {
      let bits = mask[w]!;
      if (w === from >>> 5) bits &= ~0 << (from & 31);
      while (bits !== 0) {
        const low = bits & -bits;
        const i = w * 32 + 31 - Math.clz32(low);
        bits ^= low;
        if (this.mayMatch(needs[i]!, head)) return i;
      }
    }
    return -1;
  }

  /** Whether some lemma of group `g` occurs after `head` in the current sentence; remembered until `startHead`. */
  private occursAfter(g: number, head: number): boolean {
    const hs = this.headStamp;
    if (this.groupHead[g] === hs) return this.groupOk[g] === 1;
    const stamp = this.sentenceStamp;
    const alts = this.groups[g]!;
    let ok = 0;
    for (let a = 0; a < alts.length; a++) {
      const id = alts[a]!;
      if (this.seenIn[id] === stamp && this.lastAt[id]! > head) {
        ok = 1;
        break;
      }
    }
    this.groupHead[g] = hs;
    this.groupOk[g] = ok;
    return ok === 1;
  }
}
