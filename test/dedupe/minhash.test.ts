import assert from "node:assert/strict";
import { test } from "node:test";
import {
  decodeSignature,
  encodeSignature,
  isEmptySignature,
  lshBandKeys,
  minhashSignature,
  SAME_STORY_SIMILARITY,
  SIGNATURE_LENGTH,
  signatureSimilarity,
} from "../../src/dedupe/index.js";
import { shingleHashes } from "../../src/dedupe/minhash.js";
import {
  ELECTION_STORY,
  GRAIN_STORY,
  HARBOUR_EDITED,
  HARBOUR_REPOST,
  HARBOUR_STORY,
} from "./wire-stories.js";

const similarity = (a: string, b: string) => signatureSimilarity(minhashSignature(a), minhashSignature(b));

test("copies of one story score above the same-story threshold, other stories far below", () => {
  const cases: [label: string, text: string, sameStory: boolean][] = [
    ["identical text", HARBOUR_STORY, true],
    ["re-post with different page furniture", HARBOUR_REPOST, true],
    ["lightly edited copy", HARBOUR_EDITED, true],
    ["different story", GRAIN_STORY, false],
    ["another different story", ELECTION_STORY, false],
  ];
  for (const [label, text, same] of cases) {
    const s = similarity(HARBOUR_STORY, text);
    if (same) assert.ok(s >= SAME_STORY_SIMILARITY, `${label}: ${s}`);
    else assert.ok(s < 0.1, `${label}: ${s}`);
  }
});

test("case and punctuation do not change the signature", () => {
  const a = minhashSignature("Russia and China held joint drills, officials said.");
  const b = minhashSignature("RUSSIA and china held joint drills — officials said");
  assert.deepEqual(a, b);
});

test("identical texts share every LSH band; unrelated texts share none", () => {
  const story = lshBandKeys(minhashSignature(HARBOUR_STORY));
  assert.equal(story.length, SIGNATURE_LENGTH / 4);
  assert.deepEqual(lshBandKeys(minhashSignature(HARBOUR_STORY)), story);
  const grain = new Set(lshBandKeys(minhashSignature(GRAIN_STORY)));
  assert.equal(story.filter((k) => grain.has(k)).length, 0);
});

test("a text without words gets an empty signature, no bands, and similarity 0 even to itself", () => {
  const empty = minhashSignature("  ... !!! ");
  assert.ok(isEmptySignature(empty));
  assert.deepEqual(lshBandKeys(empty), []);
  assert.equal(signatureSimilarity(empty, minhashSignature("")), 0);
});

test("signatures survive the text encoding used by the store", () => {
  const signature = minhashSignature(HARBOUR_STORY);
  assert.deepEqual(decodeSignature(encodeSignature(signature)), signature);
});

test("signatures stay the same from version to version, so stored articles remain comparable", () => {
  // Values of the signature as first released; a change here would split every stored cluster from new copies.
  const cases: [text: string, firstSix: number[]][] = [
    [
      "Der Bürgermeister von Zürich traf am Montag Vertreter aus Genève und Ærøskøbing.",
      [255747472, 824521763, 173351127, 1355816101, 246458526, 793090662],
    ],
    [
      "Ministers met in 東京 on the 3rd; talks (𝐈𝐧𝐭𝐞𝐫𝐢𝐦) resumed in İstanbul — ５ days later.",
      [52319057, 889396361, 15376242, 37595625, 248826711, 424837265],
    ],
  ];
  for (const [text, firstSix] of cases) assert.deepEqual([...minhashSignature(text).slice(0, 6)], firstSix);
});

test("letters and digits of any script are word characters; symbols and punctuation split words", () => {
  assert.deepEqual(
    minhashSignature("Zürich’s mayor met Genève officials on 東京 day ５"),
    minhashSignature("ZÜRICH s mayor met genève officials on 東京 day ５!"),
  );
  assert.notDeepEqual(
    minhashSignature("Zürich mayor met Genève officials on Monday"),
    minhashSignature("Zrich mayor met Genve officials on Monday"),
  );
});

/** The signature by its definition, one shingle and one hash function at a time (no unrolling, no signed tricks). */
function referenceSignature(text: string): number[] {
  const fmix32 = (input: number) => {
    let h = input >>> 0;
    h = (h ^ (h >>> 16)) >>> 0;
    h = Math.imul(h, 0x85ebca6b) >>> 0;
    h = (h ^ (h >>> 13)) >>> 0;
    h = Math.imul(h, 0xc2b2ae35) >>> 0;
    return (h ^ (h >>> 16)) >>> 0;
  };
  const shingles = [...shingleHashes(text)];
  return Array.from({ length: SIGNATURE_LENGTH }, (_, i) => {
    const seed = fmix32(Math.imul(i + 1, 0x9e3779b9));
    let least = 0xffffffff;
    for (const shingle of shingles) least = Math.min(least, fmix32(shingle ^ seed));
    return least;
  });
}

test("the signature is, position by position, the least hash of any shingle under that position's hash function", () => {
  const long = [HARBOUR_STORY, GRAIN_STORY, ELECTION_STORY].join(" ");
  const texts = [
    "",
    "one",
    "two words",
    "exactly five words right here",
    "six words in this short text",
    "the same the same the same the same the same the same",
    "Der Bürgermeister von Zürich traf am Montag Vertreter aus Genève und Ærøskøbing.",
    "Ministers met in 東京 on the 3rd; talks (𝐈𝐧𝐭𝐞𝐫𝐢𝐦) resumed in İstanbul — ５ days later.",
    HARBOUR_STORY,
    HARBOUR_EDITED,
    long,
    long.repeat(3),
  ];
  for (const text of texts) {
    assert.deepEqual([...minhashSignature(text)], referenceSignature(text), text.slice(0, 40));
  }
});
