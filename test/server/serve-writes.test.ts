import assert from "node:assert/strict";
import { rmSync } from "node:fs";
import { dirname } from "node:path";
import { after, before, test } from "node:test";
import { type RunningServer, serve } from "../../src/server/index.js";
import { type SampleStore, sampleStore } from "./sample-store.js";

const TOKEN = "serve-writes-token-42";
const auth = { authorization: `Bearer ${TOKEN}`, "content-type": "application/json" };

let sample: SampleStore;
let server: RunningServer;
before(async () => {
  sample = await sampleStore();
  const path = sample.path;
  await sample.store.close(); // the server opens the file itself
  server = await serve({ db: path, port: 0, webRoot: null, token: TOKEN });
});
after(async () => {
  await server.close(); // also stops the coding worker: the test process could not exit otherwise
  rmSync(dirname(sample.path), { recursive: true, force: true });
});

const PAIRS = [
  ["Chile", "Peru"],
  ["Kenya", "Uganda"],
  ["Norway", "Sweden"],
  ["Vietnam", "Laos"],
  ["Morocco", "Tunisia"],
] as const;

/** A short news story of our own, different for every `n`. */
function story(n: number): { text: string; date: string; id: string } {
  const [a, b] = PAIRS[n % PAIRS.length]!;
  const day = String(1 + (n % 27)).padStart(2, "0");
  const text = [
    `The foreign ministers of ${a} and ${b} signed a fisheries agreement on Tuesday after talks that lasted ${n + 2} days.`,
    `${a}'s president praised the deal and said both governments would meet again in the spring.`,
    `Officials from ${b} said they expected trade across the border to grow by ${n + 5} percent next year.`,
    `Opposition lawmakers in ${a} criticised the agreement and demanded that parliament vote on it.`,
    `Police in ${b} arrested ${n + 3} protesters who had blocked a port road during the talks.`,
    `The two countries also agreed to share weather data and to hold a joint rescue exercise at sea.`,
  ].join(" ");
  return { text, date: `2022-04-${day}`, id: `serve-writes-${n}` };
}

function post(body: unknown): Promise<Response> {
  return fetch(`${server.url}/api/articles`, { method: "POST", headers: auth, body: JSON.stringify(body) });
}

test("a served write codes and stores the articles, and a repeat stores nothing", async () => {
  const res = await post(story(0));
  assert.equal(res.status, 201);
  const body = (await res.json()) as { articles: { id: string; events: number }[]; events: number };
  assert.equal(body.articles[0]?.id, "serve-writes-0");
  assert.ok(body.events > 0, "the story's agreement and arrests are events");
  const stored = await fetch(`${server.url}/api/events?source=CHL&limit=50`);
  const events = (await stored.json()) as { events: { articleId?: string; article?: string }[] };
  assert.ok(events.events.length > 0, "the new events are queryable at once");
  const again = (await (await post(story(0))).json()) as { events: number; skipped: number };
  assert.deepEqual([again.events, again.skipped], [0, 1]);
});

test("reads are answered while a posted batch is being coded", async () => {
  await post(story(1)); // the coding worker is running from here on
  const batch = Array.from({ length: 60 }, (_, i) => story(100 + i));
  let done = false;
  const write = post(batch).then(async (res) => {
    done = true;
    return res;
  });
  let answeredMeanwhile = 0;
  while (!done) {
    const health = await fetch(`${server.url}/api/health`);
    assert.equal(health.status, 200);
    await health.arrayBuffer();
    if (!done) answeredMeanwhile++;
  }
  const res = await write;
  assert.equal(res.status, 201);
  const body = (await res.json()) as { articles: unknown[]; events: number };
  assert.equal(body.articles.length, 60);
  assert.ok(body.events > 60);
  // Coding 60 stories takes hundreds of milliseconds; had it run on the server's event loop, no read could have been
  // answered until it finished (one or two get in while the body is still arriving).
  assert.ok(answeredMeanwhile >= 10, `only ${answeredMeanwhile} reads were answered during the write`);
});
