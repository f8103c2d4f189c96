import assert from "node:assert/strict";
import { rmSync } from "node:fs";
import { dirname } from "node:path";
import { after, before, test } from "node:test";
import { type RunningServer, serve } from "../../src/server/index.js";
import { type SampleStore, sampleStore } from "./sample-store.js";

let sample: SampleStore;
let server: RunningServer;
before(async () => {
  sample = await sampleStore();
  const path = sample.path;
  await sample.store.close(); // the server opens the file itself
  server = await serve({ db: path, port: 0, webRoot: null });
});
after(async () => {
  await server.close();
  rmSync(dirname(sample.path), { recursive: true, force: true });
});

test("serves the API over HTTP on loopback", async () => {
  assert.match(server.url, /^http:\/\/127\.0\.0\.1:\d+$/);
  const res = await fetch(`${server.url}/api/events?source=RUS&limit=3`);
  assert.equal(res.status, 200);
  assert.equal(res.headers.get("x-content-type-options"), "nosniff");
  const body = (await res.json()) as { total: number; events: unknown[] };
  assert.equal(body.events.length, 3);
});

test("many concurrent requests all succeed", async () => {
  const paths = [
    "/api/health",
    "/api/events?limit=5",
    "/api/dyads/RUS/CHN/series?interval=week",
    "/api/network",
  ];
  const results = await Promise.all(
    Array.from({ length: 200 }, (_, i) =>
      fetch(`${server.url}${paths[i % paths.length]}`).then((r) => r.status),
    ),
  );
  assert.deepEqual(new Set(results), new Set([200]));
});

test("refuses a missing database and a short token", async () => {
  await assert.rejects(serve({ db: "/nonexistent/dyad.db", port: 0 }), /dyad: no database at/);
  await assert.rejects(serve({ db: "x.db", port: 0, token: "short" }), /at least 8 characters/);
});
