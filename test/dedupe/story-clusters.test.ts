import assert from "node:assert/strict";
import { test } from "node:test";
import { articleOutlet, minhashSignature, storyClusters } from "../../src/dedupe/index.js";
import {
  ELECTION_STORY,
  GRAIN_STORY,
  HARBOUR_EDITED,
  HARBOUR_REPOST,
  HARBOUR_STORY,
} from "./wire-stories.js";

const articles = [
  { id: "c-repost", signature: minhashSignature(HARBOUR_REPOST) },
  { id: "b-wire", signature: minhashSignature(HARBOUR_STORY) },
  { id: "d-edited", signature: minhashSignature(HARBOUR_EDITED) },
  { id: "a-grain", signature: minhashSignature(GRAIN_STORY) },
  { id: "e-election", signature: minhashSignature(ELECTION_STORY) },
];

test("wire copies, re-posts and light edits form one cluster named by the smallest article id", () => {
  const clusters = storyClusters(articles);
  assert.deepEqual(Object.fromEntries([...clusters].sort()), {
    "a-grain": "a-grain",
    "b-wire": "b-wire",
    "c-repost": "b-wire",
    "d-edited": "b-wire",
    "e-election": "e-election",
  });
});

test("clusters do not depend on the order of the articles", () => {
  const expected = storyClusters(articles);
  const orders = [
    [4, 3, 2, 1, 0],
    [2, 0, 4, 1, 3],
    [1, 2, 3, 4, 0],
  ];
  for (const order of orders) {
    assert.deepEqual(storyClusters(order.map((i) => articles[i]!)), expected, `order ${order}`);
  }
});

test("the outlet of an article is its URL host, else its JSONL file, else its folder", () => {
  const cases: [url: string | null, source: string, outlet: string][] = [
    ["https://www.Example.com/world/1", "feeds/x.jsonl:3", "example.com"],
    [null, "feeds/wire.jsonl:12", "feeds/wire.jsonl"],
    [null, "corpus/daily-record/story-1.txt", "corpus/daily-record"],
    ["not a url", "story.txt", "."],
  ];
  for (const [url, source, outlet] of cases)
    assert.equal(articleOutlet(url, source), outlet, `${url} ${source}`);
});
