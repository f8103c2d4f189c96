import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import type { Hono } from "hono";
import { API_ROUTES, createApp, MAX_PAGE_SIZE } from "../../src/server/index.js";
import type { StoredEvent } from "../../src/types/store.js";
import { SAMPLE_ARTICLES } from "../export/sample-events.js";
import { BURST_SIZE, type SampleStore, sampleStore } from "./sample-store.js";

let sample: SampleStore;
let app: Hono;
before(async () => {
  sample = await sampleStore();
  app = createApp(sample.store, { webRoot: null });
});
after(async () => {
  await sample.dispose();
});

// biome-ignore lint/suspicious/noExplicitAny: test bodies are checked field by field
type Json = any;

async function get(path: string, on: Hono = app): Promise<{ status: number; body: Json; res: Response }> {
  const res = await on.request(path);
  const text = await res.text();
  let body: unknown = text;
  if (res.headers.get("content-type")?.includes("application/json")) body = JSON.parse(text);
  return { status: res.status, body, res };
}

describe("GET /api/health", () => {
  test("answers with counts and says whether writes are enabled", async () => {
    const { status, body } = await get("/api/health");
    assert.equal(status, 200);
    assert.equal(body.ok, true);
    assert.equal(body.writable, false);
    assert.equal(body.counts.articles, 3);
    assert.equal(body.counts.mergedEvents, 22);
  });
});

describe("GET /api/events", () => {
  test("pages through events newest first with the total", async () => {
    const first = await get("/api/events?limit=5");
    assert.equal(first.status, 200);
    assert.equal(first.body.total, 22);
    assert.equal(first.body.totalExact, true);
    assert.equal(first.body.events.length, 5);
    const dates = first.body.events.map((e: StoredEvent) => e.date);
    assert.deepEqual(dates, [...dates].sort().reverse());
    const second = await get("/api/events?limit=5&offset=5");
    assert.equal(second.body.events.length, 5);
    const ids = new Set([...first.body.events, ...second.body.events].map((e: StoredEvent) => e.id));
    assert.equal(ids.size, 10, "pages do not overlap");
  });

  const cases: [string, string, string[] | number][] = [
    ["source prefix", "source=USA", ["ev-4"]],
    ["target prefix", "target=RUS", ["ev-4"]],
    ["actor on either side", "actor=USA", ["ev-3", "ev-4"]],
    ["lower-case codes are accepted", "actor=usa", ["ev-3", "ev-4"]],
    ["CAMEO root", "root=11", ["ev-3"]],
    ["CAMEO code", "code=0312", ["ev-2"]],
    ["quad class", "quad=4", ["ev-4"]],
    ["one status", "status=hypothetical", ["ev-2"]],
    ["several statuses", "status=hypothetical,reported_claim", ["ev-2", "ev-4"]],
    ["date range", "from=2021-03-01&to=2021-03-03", ["ev-1", "ev-2", "h-07"]],
    ["full text", "q=tariffs", ["ev-3", "ev-4"]],
    ["dyad and period", "source=RUS&target=CHN&from=2021-04-05&to=2021-04-11", BURST_SIZE],
    ["a dyad either way", "dyad=USA,CHN", ["ev-3"]],
    ["a dyad named the other way round", "dyad=chn,usa", ["ev-3"]],
    ["a dyad of actors with sectors", "dyad=CHN,RUSMIL", ["ev-1"]],
    ["a dyad: both directions, every status", "dyad=CHN,RUS", 2 + 12 + BURST_SIZE],
    ["a dyad and a status", "dyad=RUS,USA&status=reported_claim", ["ev-4"]],
    ["empty values are ignored", "source=&quad=&root=11", ["ev-3"]],
  ];
  for (const [label, query, want] of cases) {
    test(`filter: ${label}`, async () => {
      const { status, body } = await get(`/api/events?${query}&limit=100`);
      assert.equal(status, 200, JSON.stringify(body));
      if (typeof want === "number") assert.equal(body.total, want);
      else assert.deepEqual(body.events.map((e: StoredEvent) => e.id).sort(), want);
    });
  }

  const bad: [string, string, string][] = [
    ["page size 0", "limit=0", "limit"],
    [`page size above ${MAX_PAGE_SIZE}`, `limit=${MAX_PAGE_SIZE + 1}`, "limit"],
    ["page size not a number", "limit=ten", "limit"],
    ["negative offset", "offset=-1", "offset"],
    ["quad 5", "quad=5", "quad"],
    ["impossible date", "from=2021-02-30", "from"],
    ["unknown status", "status=maybe", "status"],
    ["code with symbols", "source=R%25S", "source"],
    ["CAMEO root of 3 digits", "root=190", "root"],
    ["unknown parameter", "sorce=RUS", ""],
    ["a parameter given twice", "quad=1&quad=2", "quad"],
    ["a dyad of one actor", "dyad=RUS", "dyad"],
    ["a dyad of three actors", "dyad=RUS,CHN,USA", "dyad"],
  ];
  for (const [label, query, path] of bad) {
    test(`400: ${label}`, async () => {
      const { status, body } = await get(`/api/events?${query}`);
      assert.equal(status, 400);
      assert.equal(body.error, "invalid query");
      assert.ok(
        body.issues.some((i: { path: string }) => i.path === path),
        `an issue at "${path}" in ${JSON.stringify(body.issues)}`,
      );
    });
  }
});

describe("GET /api/dyads/{a}/{b}/series", () => {
  test("weekly points with counts by quad and Goldstein", async () => {
    const { status, body } = await get(
      "/api/dyads/RUS/CHN/series?interval=week&from=2021-03-29&to=2021-04-11",
    );
    assert.equal(status, 200);
    assert.equal(body.interval, "week");
    assert.deepEqual(
      body.points.map((p: { t: string }) => p.t),
      ["2021-03-29", "2021-04-05"],
    );
    const burst = body.points[1];
    assert.equal(burst.count, BURST_SIZE);
    assert.deepEqual(burst.byQuad, { 1: 2, 2: 4, 3: 0, 4: 0 });
    assert.equal(burst.goldsteinSum, 2 * 3.5 + 4 * 6);
    assert.ok(Math.abs(burst.goldsteinMean - (2 * 3.5 + 4 * 6) / 6) < 1e-5);
  });

  test("asserted only by default; status=all adds the hypothetical alliance", async () => {
    const base = await get("/api/dyads/RUS/CHN/series?interval=month&from=2021-03-01&to=2021-03-31");
    const all = await get(
      "/api/dyads/RUS/CHN/series?interval=month&from=2021-03-01&to=2021-03-31&status=all",
    );
    assert.equal(all.body.points[0].count - base.body.points[0].count, 1);
  });

  test("directed=true keeps one direction", async () => {
    const both = await get("/api/dyads/USA/CHN/series?interval=month");
    const directed = await get("/api/dyads/USA/CHN/series?interval=month&directed=true");
    assert.equal(
      both.body.points.reduce((s: number, p: { count: number }) => s + p.count, 0),
      1,
    );
    assert.equal(directed.body.points.length, 0);
  });

  for (const [label, path] of [
    ["unknown interval", "/api/dyads/RUS/CHN/series?interval=year"],
    ["bad actor code", "/api/dyads/R-S/CHN/series"],
    ["bad directed", "/api/dyads/RUS/CHN/series?directed=perhaps"],
  ] as const) {
    test(`400: ${label}`, async () => {
      const { status, body } = await get(path);
      assert.equal(status, 400);
      assert.ok(body.issues.length > 0);
    });
  }
});

describe("GET /api/actors/{a}/series", () => {
  const total = (points: { count: number }[]) => points.reduce((s, p) => s + p.count, 0);

  test("one actor's events on either side per period, asserted only by default", async () => {
    const { status, body } = await get("/api/actors/CHN/series?interval=month");
    assert.equal(status, 200);
    assert.equal(body.actor, "CHN");
    assert.equal(body.interval, "month");
    assert.deepEqual(
      body.points.map((p: { t: string }) => p.t),
      ["2021-01-01", "2021-02-01", "2021-03-01", "2021-04-01"],
    );
    const asserted = await get("/api/events?actor=CHN&status=asserted&limit=1");
    assert.equal(total(body.points), asserted.body.total);
    const april = body.points[3];
    assert.equal(april.count, BURST_SIZE + 1, "the burst and the criticism of the USA");
    assert.deepEqual(april.byQuad, { 1: 2, 2: 4, 3: 1, 4: 0 });
  });

  test("statuses, a date range and actor codes with sectors", async () => {
    const all = await get("/api/actors/chn/series?interval=day&status=all&from=2021-03-01&to=2021-03-05");
    assert.equal(all.status, 200);
    assert.deepEqual(
      all.body.points.filter((p: { count: number }) => p.count > 0).map((p: { t: string }) => p.t),
      ["2021-03-02", "2021-03-03"],
      "the drills and the hypothetical alliance",
    );
    assert.equal(all.body.points.length, 5, "every day of the range, empty ones included");
    const military = await get("/api/actors/CHNMIL/series?interval=month&status=all");
    assert.equal(total(military.body.points), 1);
  });

  test("an actor without events has no points", async () => {
    const { status, body } = await get("/api/actors/ZZZ/series");
    assert.equal(status, 200);
    assert.deepEqual(body.points, []);
  });

  for (const [label, path, issue] of [
    ["bad actor code", "/api/actors/R-S/series", "a"],
    ["unknown interval", "/api/actors/RUS/series?interval=year", "interval"],
    ["a direction, which one actor does not have", "/api/actors/RUS/series?directed=true", ""],
  ] as const) {
    test(`400: ${label}`, async () => {
      const { status, body } = await get(path);
      assert.equal(status, 400);
      assert.ok(
        body.issues.some((i: { path: string }) => i.path === issue),
        JSON.stringify(body.issues),
      );
    });
  }
});

describe("GET /api/actors/top", () => {
  test("actors ranked by events on either side, asserted only", async () => {
    const { status, body } = await get("/api/actors/top?limit=2");
    assert.equal(status, 200);
    assert.deepEqual(
      body.map((a: { code: string }) => a.code),
      ["CHNGOV", "RUSGOV"],
    );
    assert.equal(body[1].name, "Russia", "the usual name of the code");
    assert.equal(body[1].asSource, 18);
  });

  test("country level merges sectors", async () => {
    const { body } = await get("/api/actors/top?level=country");
    const rus = body.find((a: { code: string }) => a.code === "RUS");
    assert.equal(rus.count, 19 + 0, "RUSGOV and RUSMIL as source; the sanction on RUS is a reported claim");
    assert.equal(rus.name, "Russia");
  });
});

describe("GET /api/network", () => {
  test("weighted directed edges by quad between countries", async () => {
    const { status, body } = await get("/api/network?status=all");
    assert.equal(status, 200);
    const edge = (a: string, b: string) =>
      body.edges.find((e: { source: string; target: string }) => e.source === a && e.target === b);
    assert.deepEqual(edge("RUS", "CHN").byQuad, { 1: 3, 2: 17, 3: 0, 4: 0 });
    assert.deepEqual(edge("USA", "RUS").byQuad, { 1: 0, 2: 0, 3: 0, 4: 1 });
    assert.equal(edge("USA", "RUS").goldsteinMean, -8);
    assert.deepEqual(body.nodes.map((n: { code: string }) => n.code).sort(), ["CHN", "RUS", "USA"]);
  });

  test("limit keeps the heaviest edges", async () => {
    const { body } = await get("/api/network?status=all&limit=1");
    assert.equal(body.edges.length, 1);
    assert.equal(body.edges[0].source, "RUS");
  });
});

describe("GET /api/articles/{id}", () => {
  test("clean text with every span converted to clean offsets, and the raw text", async () => {
    const { status, body } = await get("/api/articles/wire-1");
    assert.equal(status, 200);
    const raw = SAMPLE_ARTICLES[0]!;
    assert.equal(body.rawText, raw.rawText);
    assert.equal(body.text, raw.cleanText);
    const kinds = new Set(body.spans.map((s: { kind: string }) => s.kind));
    assert.deepEqual([...kinds].sort(), ["quote", "sentence", "source", "target", "trigger"]);
    for (const s of body.spans) {
      assert.equal(body.text.slice(s.start, s.end), s.text);
      assert.equal(body.rawText.slice(s.raw[0], s.raw[1]), s.text);
    }
    const trigger = body.spans.find(
      (s: { kind: string; eventId: string }) => s.kind === "trigger" && s.eventId === "ev-2",
    );
    assert.equal(trigger.text, "forged");
    assert.equal(body.events.length, 2);
  });

  test("offsets shift when the cleaner removed text before a span", async () => {
    const store = sample.store;
    const id = "shifted-1";
    const rawText = "Menu | Home | World\n\nRussia criticised Japan today.";
    const cleanText = "Russia criticised Japan today.";
    const start = rawText.indexOf("Russia");
    await store.writeBatch({
      rows: [
        {
          article: {
            id,
            url: null,
            published: "2021-05-01",
            title: null,
            source: "t",
            rawText,
            cleanText,
            clusterId: id,
          },
          events: [
            {
              id: "sh-1",
              articleId: id,
              date: "2021-05-01",
              source: {
                code: "RUS",
                country: "RUS",
                sector: null,
                name: "Russia",
                text: "Russia",
                span: [start, start + 6],
              },
              target: {
                code: "JPN",
                country: "JPN",
                sector: null,
                name: "Japan",
                text: "Japan",
                span: [start + 18, start + 23],
              },
              cameo: { code: "111", root: "11", name: "Criticize or denounce", quad: 3, goldstein: -2 },
              plover: { type: "DISAPPROVE", mode: null, context: null },
              modality: { status: "asserted", cues: [] },
              speaker: null,
              quote: null,
              location: null,
              evidence: {
                sentence: cleanText,
                sentenceSpan: [start, rawText.length],
                triggerSpan: [start + 7, start + 17],
              },
              pattern: "t",
              confidence: 1,
            },
          ],
        },
      ],
      rejects: [],
    });
    const { body } = await get(`/api/articles/${id}`);
    const source = body.spans.find((s: { kind: string }) => s.kind === "source");
    assert.deepEqual([source.start, source.end], [0, 6]);
    assert.deepEqual(source.raw, [start, start + 6]);
    const trigger = body.spans.find((s: { kind: string }) => s.kind === "trigger");
    assert.equal(trigger.text, "criticised");
  });

  test("an article holding <script> comes back as JSON text, never as markup", async () => {
    const { status, body, res } = await get("/api/articles/wire-2");
    assert.equal(status, 200);
    assert.match(res.headers.get("content-type") ?? "", /^application\/json/);
    assert.equal(res.headers.get("x-content-type-options"), "nosniff");
    assert.match(res.headers.get("content-security-policy") ?? "", /default-src 'none'/);
    assert.ok(
      body.text.includes("<script>alert('x')</script>"),
      "the text is returned as it is, as a JSON string",
    );
    assert.equal(body.title, "Tariffs <b>and</b> sanctions");
  });

  test("404 for an unknown article", async () => {
    const { status, body } = await get("/api/articles/no-such-article");
    assert.equal(status, 404);
    assert.match(body.error, /no article "no-such-article"/);
  });
});

describe("GET /api/alerts", () => {
  test("the RUS→CHN burst of cooperation departs from its quiet history, with its events", async () => {
    const { status, body } = await get("/api/alerts?interval=week&at=2021-04-09");
    assert.equal(status, 200);
    assert.equal(body.length, 1, JSON.stringify(body.map((a: Json) => [a.a, a.b, a.kind, a.score])));
    const alert = body[0];
    assert.equal(alert.a, "RUS");
    assert.equal(alert.b, "CHN");
    assert.equal(alert.kind, "cooperation");
    assert.equal(alert.direction, "rise");
    assert.equal(alert.period, "2021-04-05");
    assert.equal(alert.count, BURST_SIZE);
    assert.ok(alert.score > 3);
    assert.equal(alert.events.length, BURST_SIZE);
    for (const e of alert.events) assert.ok(e.date >= "2021-04-05" && e.date <= "2021-04-11");
  });

  test("a quiet week raises nothing, and a high threshold silences the burst", async () => {
    assert.deepEqual((await get("/api/alerts?interval=week&at=2021-03-17")).body, []);
    assert.deepEqual((await get("/api/alerts?interval=week&at=2021-04-09&threshold=10")).body, []);
  });

  test("400 on a too-short history", async () => {
    const { status, body } = await get("/api/alerts?history=1");
    assert.equal(status, 400);
    assert.equal(body.issues[0].path, "history");
  });
});

describe("OpenAPI document", () => {
  test("is valid JSON describing every route the app serves", async () => {
    const { status, body } = await get("/api/openapi.json");
    assert.equal(status, 200);
    assert.equal(body.openapi, "3.1.0");
    const documented = Object.entries(body.paths as Record<string, Record<string, unknown>>).flatMap(
      ([p, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${p}`),
    );
    const served = app.routes
      .filter((r) => r.path.startsWith("/api/") && r.path !== "/api/*" && r.path !== "/api/openapi.json")
      .map((r) => `${r.method} ${r.path.replace(/:(\w+)/g, "{$1}")}`);
    assert.deepEqual([...new Set(served)].sort(), documented.sort());
    for (const required of [
      "GET /api/health",
      "GET /api/events",
      "GET /api/dyads/{a}/{b}/series",
      "GET /api/actors/{a}/series",
      "GET /api/actors/top",
      "GET /api/network",
      "GET /api/articles/{id}",
      "GET /api/alerts",
      "POST /api/articles",
    ]) {
      assert.ok(documented.includes(required), required);
    }
    const events = body.paths["/api/events"].get;
    const limit = events.parameters.find((p: { name: string }) => p.name === "limit");
    assert.equal(limit.schema.maximum, MAX_PAGE_SIZE);
    const dyad = events.parameters.find((p: { name: string }) => p.name === "dyad");
    assert.match(dyad.description, /either direction/);
    assert.equal(body.paths["/api/articles"].post.security[0].bearer.length, 0);
    assert.equal(API_ROUTES.length, documented.length);
  });
});

describe("dashboard", () => {
  test("without a build, / says how to build it", async () => {
    const empty = mkdtempSync(join(tmpdir(), "dyad-web-"));
    try {
      const { status, body } = await get("/", createApp(sample.store, { webRoot: empty }));
      assert.equal(status, 200);
      assert.match(body, /vite build web/);
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });

  test("serves the built files with a Content-Security-Policy", async () => {
    const root = mkdtempSync(join(tmpdir(), "dyad-web-"));
    try {
      writeFileSync(join(root, "index.html"), "<!doctype html><title>dyad</title>");
      mkdirSync(join(root, "assets"));
      writeFileSync(join(root, "assets", "app-1234.js"), "console.log(1)");
      const web = createApp(sample.store, { webRoot: root });
      const index = await get("/", web);
      assert.equal(index.status, 200);
      assert.match(index.body, /<title>dyad<\/title>/);
      const csp = index.res.headers.get("content-security-policy") ?? "";
      assert.match(csp, /script-src 'self'/);
      assert.doesNotMatch(csp, /script-src[^;]*unsafe-inline/);
      assert.equal(index.res.headers.get("x-frame-options"), "DENY");
      const asset = await get("/assets/app-1234.js", web);
      assert.equal(asset.status, 200);
      assert.match(asset.res.headers.get("cache-control") ?? "", /immutable/);
      assert.equal((await get("/../package.json", web)).status, 404);
      assert.equal((await get("/missing.js", web)).status, 404);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
