/**
 * De-duplication: the same story told by many outlets, and the same event told many times. Input: the clean text of
 * articles (for story clusters) and the coded events of a cluster (for merging). Output: MinHash signatures and LSH
 * band keys, story clusters named by their smallest article id, and merged events with mention, source and article
 * counts. Pure functions whose results depend only on the set of inputs, never on their order, so parallel workers
 * and resumed runs agree; the store applies them incrementally inside its write transaction.
 */
export { articleOutlet } from "./article-outlet.js";
export { ComponentUnion } from "./component-union.js";
export { BAND_COUNT, BAND_ROWS, lshBandKeys } from "./lsh-bands.js";
export {
  compareTellings,
  MERGE_WINDOW_DAYS,
  type MergedTellings,
  mergeTellings,
  type Telling,
} from "./merge-tellings.js";
export {
  decodeSignature,
  encodeSignature,
  isEmptySignature,
  minhashSignature,
  SHINGLE_WORDS,
  SIGNATURE_LENGTH,
  shingleHashes,
  signatureSimilarity,
} from "./minhash.js";
export { SAME_STORY_SIMILARITY, type SignedArticle, sameStory, storyClusters } from "./story-clusters.js";
