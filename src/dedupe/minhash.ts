/**
 * MinHash signatures over word shingles. Two texts' signatures agree at each position with probability equal to the
 * Jaccard similarity of their shingle sets, so comparing 128 numbers estimates how much of the wording two articles
 * share, whatever their length.
 */

/** Words per shingle: five-word runs survive page furniture and light editing but differ between unrelated stories. */
export const SHINGLE_WORDS = 5;
/** Number of hash functions, i.e. the signature length. */
export const SIGNATURE_LENGTH = 128;

/** One letter or digit at `lastIndex` (a whole code point): the test for characters outside ASCII. */
const WORD_CHAR = /[\p{L}\p{N}]/uy;
const EMPTY = 0xffffffff;

/** murmur3's 32-bit finaliser: a fast, well-mixing permutation of 32-bit integers. */
function fmix32(input: number): number {
  let h = input >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

const SEEDS: Uint32Array = (() => {
  const seeds = new Uint32Array(SIGNATURE_LENGTH);
  for (let i = 0; i < SIGNATURE_LENGTH; i++) seeds[i] = fmix32(Math.imul(i + 1, 0x9e3779b9));
  return seeds;
})();
/** The seeds as signed 32-bit integers (same bits), for the integer-only inner loop of `minhashSignature`. */
const SIGNED_SEEDS = new Int32Array(SEEDS.buffer);
const SIGN_BIT = 0x80000000;

/**
 * FNV-1a hashes (over UTF-16 code units) of the words of `text` — runs of letters and digits, as
 * `/[\p{L}\p{N}]+/gu` finds them in the lowercased text — computed in one scan without a match object per word.
 */
function wordHashes(text: string): number[] {
  const lower = text.toLowerCase();
  const out: number[] = [];
  const length = lower.length;
  let h = 0;
  let inWord = false;
  for (let i = 0; i < length; ) {
    const c = lower.charCodeAt(i);
    let units = 1;
    let isWordChar: boolean;
    if (c < 128) isWordChar = (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c >= 65 && c <= 90);
    else {
      if (c >= 0xd800 && c <= 0xdbff && i + 1 < length) {
        const d = lower.charCodeAt(i + 1);
        if (d >= 0xdc00 && d <= 0xdfff) units = 2;
      }
      WORD_CHAR.lastIndex = i;
      isWordChar = WORD_CHAR.test(lower);
    }
    if (isWordChar) {
      if (!inWord) {
        h = 0x811c9dc5;
        inWord = true;
      }
      for (let u = 0; u < units; u++) {
        h ^= lower.charCodeAt(i + u);
        h = Math.imul(h, 0x01000193);
      }
    } else if (inWord) {
      out.push(h >>> 0);
      inWord = false;
    }
    i += units;
  }
  if (inWord) out.push(h >>> 0);
  return out;
}

/** Hashes of every run of `SHINGLE_WORDS` consecutive words (all words as one shingle when the text is shorter). */
export function shingleHashes(text: string): Uint32Array {
  const words = wordHashes(text);
  if (words.length === 0) return new Uint32Array(0);
  const width = Math.min(SHINGLE_WORDS, words.length);
  const out = new Uint32Array(words.length - width + 1);
  for (let start = 0; start < out.length; start++) {
    let h = 0x2545f491;
    for (let k = 0; k < width; k++) h = fmix32(Math.imul(h, 31) + (words[start + k] as number));
    out[start] = h;
  }
  return out;
}

/**
 * The MinHash signature of a text: for each of `SIGNATURE_LENGTH` hash functions, the smallest hash of any shingle.
 * A text without words gets a signature of all `0xffffffff`, which `isEmptySignature` recognises.
 *
 * @example
 * minhashSignature("Russian and Chinese navies began joint drills in the Sea of Japan on Monday").length // 128
 */
export function minhashSignature(text: string): Uint32Array {
  const shingles = shingleHashes(text);
  // Minimum over unsigned hashes, computed on signed integers with the sign bit flipped (same order, no doubles).
  const least = new Int32Array(SIGNATURE_LENGTH).fill(EMPTY ^ SIGN_BIT);
  for (let s = 0; s < shingles.length; s++) {
    const shingle = shingles[s]! | 0;
    for (let i = 0; i < SIGNATURE_LENGTH; i++) {
      // fmix32(shingle ^ seed), inlined in 32-bit integer arithmetic.
      let h = shingle ^ SIGNED_SEEDS[i]!;
      h ^= h >>> 16;
      h = Math.imul(h, 0x85ebca6b);
      h ^= h >>> 13;
      h = Math.imul(h, 0xc2b2ae35);
      h ^= h >>> 16;
      h = (h ^ SIGN_BIT) | 0;
      if (h < least[i]!) least[i] = h;
    }
  }
  const signature = new Uint32Array(SIGNATURE_LENGTH);
  for (let i = 0; i < SIGNATURE_LENGTH; i++) signature[i] = (least[i]! ^ SIGN_BIT) >>> 0;
  return signature;
}

/** True when the signature came from a text without words (such texts are never clustered). */
export function isEmptySignature(signature: Uint32Array): boolean {
  for (let i = 0; i < signature.length; i++) if (signature[i] !== EMPTY) return false;
  return true;
}

/** Estimated Jaccard similarity of the two texts' shingle sets: the share of positions where the signatures agree. */
export function signatureSimilarity(a: Uint32Array, b: Uint32Array): number {
  if (a.length !== b.length || a.length === 0) return 0;
  if (isEmptySignature(a) || isEmptySignature(b)) return 0;
  let same = 0;
  for (let i = 0; i < a.length; i++) if (a[i] === b[i]) same++;
  return same / a.length;
}

/** Portable text form of a signature (base64 of its little-endian bytes), for any store. */
export function encodeSignature(signature: Uint32Array): string {
  const bytes = new Uint8Array(signature.length * 4);
  const view = new DataView(bytes.buffer);
  for (let i = 0; i < signature.length; i++) view.setUint32(i * 4, signature[i] as number, true);
  return Buffer.from(bytes).toString("base64");
}

export function decodeSignature(text: string): Uint32Array {
  const bytes = Buffer.from(text, "base64");
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out = new Uint32Array(Math.floor(bytes.byteLength / 4));
  for (let i = 0; i < out.length; i++) out[i] = view.getUint32(i * 4, true);
  return out;
}
