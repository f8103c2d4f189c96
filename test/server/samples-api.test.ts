// The API over a store built the real way: the project's samples/ read by the ingest readers, coded by the
// pipeline and written by the store.
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import type { Hono } from "hono";
import { readPaths } from "../../src/ingest/index.js";
import { codeArticle } from "../../src/pipeline/index.js";
import { createApp } from "../../src/server/index.js";
import { codedArticleRow } from "../../src/store/coded-article-row.js";
import { openStore } from "../../src/store/open-store.js";
import type { Store } from "../../src/store/store.js";
import type { CodedArticleRow, StoredEvent } from "../../src/types/store.js";

const dir = mkdtempSync(join(tmpdir(), "dyad-samples-api-"));
let store: Store;
let app: Hono;
let ids: string[] = [];
before(async () => {
  store = await openStore(join(dir, "samples.db"));
  const rows: CodedArticleRow[] = [];
  for await (const item of readPaths(["samples"])) {
    if (item.kind === "article") rows.push(codedArticleRow(codeArticle(item.article)));
  }
  ids = rows.map((r) => r.article.id);
  await store.writeBatch({ rows, rejects: [] });
  app = createApp(store, { webRoot: null });
});
after(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

// biome-ignore lint/suspicious/noExplicitAny: JSON bodies are checked field by field
async function json(path: string): Promise<any> {
  const res = await app.request(path);
  assert.equal(res.status, 200, `${path}: ${res.status}`);
  return res.json();
}

test("every sample article was stored and events were coded", async () => {
  const health = await json("/api/health");
  assert.equal(health.counts.articles, 6);
  const page = await json("/api/events?limit=500");
  assert.ok(page.total > 10, `events: ${page.total}`);
  assert.equal(page.events.length, page.total);
});

test("each article's evidence spans land on the same words in the clean and the original text", async () => {
  let spans = 0;
  for (const id of ids) {
    const view = await json(`/api/articles/${id}`);
    for (const s of view.spans) {
      assert.equal(view.text.slice(s.start, s.end), s.text, `${id} ${s.kind}`);
      assert.equal(view.rawText.slice(s.raw[0], s.raw[1]), s.text, `${id} ${s.kind}`);
      spans++;
    }
    for (const e of view.events) {
      assert.ok(
        view.spans.some((s: { eventId: string; kind: string }) => s.eventId === e.id && s.kind === "trigger"),
        `${id}: the trigger of ${e.id} is shown`,
      );
    }
  }
  assert.ok(spans > 50);
});

test("the series of a coded dyad counts its events", async () => {
  const page = await json("/api/events?limit=500&status=asserted");
  const withTarget = page.events.find((e: StoredEvent) => e.target && e.date);
  assert.ok(withTarget);
  const a = withTarget.source.code as string;
  const b = withTarget.target.code as string;
  const series = await json(
    `/api/dyads/${a}/${b}/series?interval=day&from=${withTarget.date}&to=${withTarget.date}`,
  );
  assert.equal(series.points.length, 1);
  assert.ok(series.points[0].count >= 1);
  const network = await json("/api/network?level=actor");
  assert.ok(network.edges.some((e: { source: string; target: string }) => e.source === a && e.target === b));
  const top = await json("/api/actors/top?level=country&limit=5");
  assert.ok(top.length > 0 && top[0].count > 0);
});

test("full-text search goes through the store's index", async () => {
  const page = await json("/api/events?q=ceasefire&limit=50");
  assert.ok(page.total > 0);
  assert.equal(page.totalExact, true);
  for (const e of page.events)
    assert.equal(
      e.articleId,
      ids.find((id) => id === e.articleId),
    );
});
