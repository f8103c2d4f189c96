import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import type { Hono } from "hono";
import { createApp, MAX_ARTICLES_PER_POST, MAX_BODY_BYTES } from "../../src/server/index.js";
import { type SampleStore, sampleStore } from "./sample-store.js";

const TOKEN = "test-token-0123456789";

let sample: SampleStore;
let writable: Hono;
let readOnly: Hono;
before(async () => {
  sample = await sampleStore();
  writable = createApp(sample.store, { token: TOKEN, webRoot: null });
  readOnly = createApp(sample.store, { webRoot: null });
});
after(async () => {
  await sample.dispose();
});

function post(app: Hono, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return Promise.resolve(
    app.request("/api/articles", {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body: typeof body === "string" ? body : JSON.stringify(body),
    }),
  );
}

const auth = { authorization: `Bearer ${TOKEN}` };
const article = { text: "Russia and China held joint military exercises on Monday.", date: "2021-06-07" };

describe("POST /api/articles: who may write", () => {
  test("a server started without a token is read-only (403)", async () => {
    const res = await post(readOnly, article, auth);
    assert.equal(res.status, 403);
    assert.match((await res.json()).error, /read-only/);
  });

  test("no token: 401 with WWW-Authenticate", async () => {
    const res = await post(writable, article);
    assert.equal(res.status, 401);
    assert.match(res.headers.get("www-authenticate") ?? "", /^Bearer/);
  });

  test("a wrong token: 403", async () => {
    for (const header of [`Bearer ${TOKEN}x`, "Bearer nope", `Basic ${TOKEN}`]) {
      const res = await post(writable, article, { authorization: header });
      assert.ok(res.status === 403 || res.status === 401, header);
      assert.notEqual(res.status, 201);
    }
    assert.equal((await post(writable, article, { authorization: "Bearer nope" })).status, 403);
  });

  test("reads never need the token", async () => {
    assert.equal((await writable.request("/api/events?limit=1")).status, 200);
  });
});

describe("POST /api/articles: limits and validation", () => {
  const cases: [string, unknown, Record<string, string>, number, string][] = [
    ["not JSON", "{not json", {}, 400, "not valid JSON"],
    ["no text", { title: "x" }, {}, 400, "invalid body"],
    ["empty text", { text: "" }, {}, 400, "invalid body"],
    ["an impossible date", { text: "Words.", date: "2021-02-30" }, {}, 400, "invalid body"],
    ["an unknown field", { text: "Words.", body: "x" }, {}, 400, "invalid body"],
    ["a URL that is not http", { text: "Words.", url: "javascript:alert(1)" }, {}, 400, "invalid body"],
    [
      `more than ${MAX_ARTICLES_PER_POST} articles`,
      Array.from({ length: MAX_ARTICLES_PER_POST + 1 }, () => ({ text: "Words." })),
      {},
      400,
      "invalid body",
    ],
    ["an empty array", [], {}, 400, "invalid body"],
    ["form data", "text=hello", { "content-type": "application/x-www-form-urlencoded" }, 415, "JSON"],
  ];
  for (const [label, body, headers, status, message] of cases) {
    test(`${status}: ${label}`, async () => {
      const res = await post(writable, body, { ...auth, ...headers });
      assert.equal(res.status, status);
      assert.ok((await res.json()).error.includes(message));
    });
  }

  test(`413: a body above ${MAX_BODY_BYTES} bytes`, async () => {
    const res = await post(writable, { text: "a".repeat(MAX_BODY_BYTES + 10) }, auth);
    assert.equal(res.status, 413);
  });

  test("the token is checked before the body is read", async () => {
    const res = await post(writable, { text: "a".repeat(MAX_BODY_BYTES + 10) });
    assert.equal(res.status, 401);
  });
});

describe("POST /api/articles: coding and storing", () => {
  test("codes the article, stores it, and it is readable at once; posting it again adds nothing", async () => {
    const storedBefore = (await (await writable.request("/api/health")).json()).counts.articles;
    const res = await post(
      writable,
      {
        id: "posted-1",
        title: "Exercises <script>alert(1)</script>",
        url: "https://example.org/posted",
        ...article,
      },
      auth,
    );
    assert.equal(res.status, 201);
    const result = await res.json();
    assert.equal(result.articles[0].id, "posted-1");
    assert.ok(result.articles[0].events >= 1, JSON.stringify(result));
    const view = await (await writable.request("/api/articles/posted-1")).json();
    assert.equal(view.title, "Exercises <script>alert(1)</script>");
    assert.ok(view.events.length >= 1);
    const storedAfter = (await (await writable.request("/api/health")).json()).counts.articles;
    assert.equal(storedAfter, storedBefore + 1);
    const again = await (await post(writable, { id: "posted-1", ...article }, auth)).json();
    assert.equal(again.events, 0);
    assert.equal(again.skipped, 1);
  });

  test("an array of articles is one batch; ids default to the hash of the text", async () => {
    const res = await post(
      writable,
      [
        { text: "China criticised Japan over the islands on Friday.", date: "2021-06-11" },
        { text: "The United States imposed sanctions on Iran on Tuesday.", date: "2021-06-08" },
      ],
      auth,
    );
    assert.equal(res.status, 201);
    const result = await res.json();
    assert.equal(result.articles.length, 2);
    for (const a of result.articles) assert.match(a.id, /^[0-9a-f]{16}$/);
  });
});
