import { isEmptySignature, SIGNATURE_LENGTH } from "./minhash.js";

/** Signature rows per band. With 32 bands of 4 rows, pairs above ~0.45 Jaccard almost always share a band. */
export const BAND_ROWS = 4;
export const BAND_COUNT = SIGNATURE_LENGTH / BAND_ROWS;

function mix(h: number, value: number): number {
  let x = (Math.imul(h ^ value, 0x9e3779b1) + 0x7f4a7c15) >>> 0;
  x ^= x >>> 15;
  x = Math.imul(x, 0x2c1b3c6d);
  x ^= x >>> 12;
  return x >>> 0;
}

/**
 * Locality-sensitive bucket keys of a signature, one per band: `band × 2³² + hash of the band's rows`, an integer
 * below 2³⁷ (exact in a JS number, a SQL bigint). Articles sharing any key are candidate near-duplicates, checked
 * afterwards with `signatureSimilarity`. Texts without words get no keys.
 */
export function lshBandKeys(signature: Uint32Array): number[] {
  if (isEmptySignature(signature)) return [];
  const keys: number[] = [];
  for (let band = 0; band < signature.length / BAND_ROWS; band++) {
    let h = band + 1;
    for (let r = 0; r < BAND_ROWS; r++) h = mix(h, signature[band * BAND_ROWS + r] as number);
    keys.push(band * 0x1_0000_0000 + h);
  }
  return keys;
}
