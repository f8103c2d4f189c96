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
if (SIGNATURE_LENGTH % 4 !== 0) throw new Error("minhash: SIGNATURE_LENGTH must be a multiple of 4");

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
  const unsigned = shingleHashes(text);
  // The same bits read as signed integers: the inner loop stays in 32-bit integer arithmetic.
  const shingles = new Int32Array(unsigned.buffer, unsigned.byteOffset, unsigned.length);
  const count = shingles.length;
  const signature = new Uint32Array(SIGNATURE_LENGTH);
  // Four hash functions at a time over every shingle: the running minima and seeds stay in registers and the four
  // independent chains overlap in the CPU. `fmix32(shingle ^ seed)` is inlined in 32-bit integer arithmetic, and the
  // minimum over unsigned hashes is taken on signed integers with the sign bit flipped (same order, no doubles).
  for (let i = 0; i < SIGNATURE_LENGTH; i += 4) {
    const s0 = SIGNED_SEEDS[i]!;
    const s1 = SIGNED_SEEDS[i + 1]!;
    const s2 = SIGNED_SEEDS[i + 2]!;
    const s3 = SIGNED_SEEDS[i + 3]!;
    let m0 = EMPTY ^ SIGN_BIT;
    let m1 = m0;
    let m2 = m0;
    let m3 = m0;
    for (let s = 0; s < count; s++) {
      const shingle = shingles[s]!;
      let a = shingle ^ s0;
      let b = shingle ^ s1;
      let c = shingle ^ s2;
      let d = shingle ^ s3;
      a ^= a >>> 16;
      b ^= b >>> 16;
      c ^= c >>> 16;
      d ^= d >>> 16;
      a = Math.imul(a, 0x85ebca6b);
      b = Math.imul(b, 0x85ebca6b);
      c = Math.imul(c, 0x85ebca6b);
      d = Math.imul(d, 0x85ebca6b);
      a ^= a >>> 13;
      b ^= b >>> 13;
      c ^= c >>> 13;
      d ^= d >>> 13;
      a = Math.imul(a, 0xc2b2ae35);
      b = Math.imul(b, 0xc2b2ae35);
      c = Math.imul(c, 0xc2b2ae35);
      d = Math.imul(d, 0xc2b2ae35);
      a = (a ^ (a >>> 16) ^ SIGN_BIT) | 0;
      b = (b ^ (b >>> 16) ^ SIGN_BIT) | 0;
      c = (c ^ (c >>> 16) ^ SIGN_BIT) | 0;
      d = (d ^ (d >>> 16) ^ SIGN_BIT) | 0;
      if (a < m0) m0 = a;
      if (b < m1) m1 = b;
      if (c < m2) m2 = c;
      if (d < m3) m3 = d;
    }
    signature[i] = (m0 ^ SIGN_BIT) >>> 0;
    signature[i + 1] = (m1 ^ SIGN_BIT) >>> 0;
    signature[i + 2] = (m2 ^ SIGN_BIT) >>> 0;
    signature[i + 3] = (m3 ^ SIGN_BIT) >>> 0;
  }
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
