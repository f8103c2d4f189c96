import { ComponentUnion } from "./component-union.js";
import { lshBandKeys } from "./lsh-bands.js";
import { signatureSimilarity } from "./minhash.js";

/**
 * Estimated Jaccard similarity of word 5-shingles above which two articles tell the same story: wire copies and
 * re-posts score 0.7–1 (page furniture and light edits cost a few shingles each); different stories on the same
 * subject stay far below.
 */
export const SAME_STORY_SIMILARITY = 0.5;

export interface SignedArticle {
  readonly id: string;
  readonly signature: Uint32Array;
}

/** True when two signatures are similar enough to put their articles in one story cluster. */
export function sameStory(a: Uint32Array, b: Uint32Array): boolean {
  return signatureSimilarity(a, b) >= SAME_STORY_SIMILARITY;
}

/**
 * Story clusters of a set of articles: candidate pairs share an LSH band, linked pairs pass `sameStory`, and each
 * connected component is named by its smallest article id. Depends only on the set, never on its order.
 * Returns article id → cluster id.
 */
export function storyClusters(articles: readonly SignedArticle[]): Map<string, string> {
  const union = new ComponentUnion();
  const buckets = new Map<number, SignedArticle[]>();
  const byId = new Map<string, SignedArticle>();
  for (const article of articles) {
    union.add(article.id);
    byId.set(article.id, article);
    for (const key of lshBandKeys(article.signature)) {
      const bucket = buckets.get(key);
      if (bucket) bucket.push(article);
      else buckets.set(key, [article]);
    }
  }
  for (const bucket of buckets.values()) {
    for (let i = 0; i < bucket.length; i++) {
      for (let j = i + 1; j < bucket.length; j++) {
        const a = bucket[i] as SignedArticle;
        const b = bucket[j] as SignedArticle;
        if (a.id !== b.id && union.find(a.id) !== union.find(b.id) && sameStory(a.signature, b.signature)) {
          union.union(a.id, b.id);
        }
      }
    }
  }
  const out = new Map<string, string>();
  for (const id of byId.keys()) out.set(id, union.find(id));
  return out;
}
