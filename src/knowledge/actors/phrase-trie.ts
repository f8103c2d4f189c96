import type { PhraseWord } from "./phrase-words.js";

interface TrieOutput<T> {
  readonly target: T;
  /** Phrases inserted twice with the same key and the same case constraints are kept once. */
  readonly key: string;
  /** Per word of the phrase: 0 any case, 1 must start with a capital, 2 must be all capitals. */
  readonly caps: Uint8Array;
}

interface TrieNode<T> {
  next: Map<string, TrieNode<T>> | null;
  out: TrieOutput<T>[] | null;
}

/** The targets of the longest phrase that matched at a position, and where it ended (exclusive word index). */
export interface TrieMatch<T> {
  readonly end: number;
  readonly targets: readonly T[];
}

/**
 * A token trie keyed on normalised words (see `phraseWords`). A phrase written with capitals only matches text
 * written with capitals in the same places ("US" does not match "us", "Chad" does not match "chad"); lowercase
 * phrase words match any case. Matching walks the words once from a start position and keeps the longest phrase
 * whose case constraints hold.
 */
export class PhraseTrie<T> {
  private readonly root: TrieNode<T> = { next: null, out: null };
  private phraseCount = 0;

  get size(): number {
    return this.phraseCount;
  }

  /**
   * Adds a phrase (its words, as split by `phraseWords`); returns false if it has no usable word. A phrase already
   * present with the same `key` and the same capitalisation is not added again.
   */
  insert(words: readonly PhraseWord[], target: T, key = ""): boolean {
    if (!words.length || words.some((w) => w.punct)) return false;
    let node = this.root;
    for (const w of words) {
      node.next ??= new Map();
      let child = node.next.get(w.key);
      if (!child) {
        child = { next: null, out: null };
        node.next.set(w.key, child);
      }
      node = child;
    }
    const caps = new Uint8Array(words.length);
    for (let k = 0; k < words.length; k++) caps[k] = words[k]!.caps;
    node.out ??= [];
    if (key && node.out.some((o) => o.key === key && sameCaps(o.caps, caps))) return true;
    node.out.push({ target, caps, key });
    this.phraseCount++;
    return true;
  }

  /** The longest phrase starting at word `i` whose case constraints hold; null if none. */
  longestAt(words: readonly PhraseWord[], i: number, limit = words.length): TrieMatch<T> | null {
    let node: TrieNode<T> | undefined = this.root;
    let best: TrieMatch<T> | null = null;
    for (let j = i; j < limit && node?.next; j++) {
      const w = words[j]!;
      if (w.punct) break;
      node = node.next.get(w.key);
      if (!node) break;
      if (node.out) {
        const ok: T[] = [];
        for (const o of node.out) if (casesHold(o.caps, words, i)) ok.push(o.target);
        if (ok.length) best = { end: j + 1, targets: ok };
      }
    }
    return best;
  }

  /** Targets of exactly this phrase (case constraints checked against the given words). */
  exact(words: readonly PhraseWord[]): readonly T[] {
    const m = this.longestAt(words, 0);
    return m && m.end === words.length ? m.targets : [];
  }
}

function sameCaps(a: Uint8Array, b: Uint8Array): boolean {
  for (let k = 0; k < a.length; k++) if (a[k] !== b[k]) return false;
  return true;
}

function casesHold(caps: Uint8Array, words: readonly PhraseWord[], i: number): boolean {
  for (let k = 0; k < caps.length; k++) {
    const need = caps[k]!;
    if (need === 0) continue;
    const have = words[i + k]!.caps;
    if (need === 2 ? have !== 2 : have === 0) return false;
  }
  return true;
}
