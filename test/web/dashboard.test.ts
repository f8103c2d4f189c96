/**
 * The dashboard in a real browser: builds web/ with Vite, serves it with the API on a loopback port, and drives
 * Debian's chromium with playwright-core through what a user does — choose a dyad, read the chart and the events,
 * open one and see its evidence highlighted — plus an article carrying `<script>` that must stay text.
 */
import assert from "node:assert/strict";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { fileURLToPath } from "node:url";
import { type Browser, chromium, type Locator, type Page } from "playwright-core";
import { build } from "vite";
import type { StoredEvent } from "../../src/types/store.js";
import { type DashboardServer, startDashboardServer } from "./dashboard-server.js";

const CHROMIUM = "/usr/bin/chromium";

async function textOf(locator: Locator): Promise<string> {
  return (await locator.textContent()) ?? "";
}
const WEB_ROOT = fileURLToPath(new URL("../../web/", import.meta.url));
const skip = existsSync(CHROMIUM) ? false : `${CHROMIUM} is not installed (apt-get install -y chromium)`;

describe("dashboard in chromium", { skip }, () => {
  let outDir = "";
  let server: DashboardServer;
  let browser: Browser;
  let page: Page;
  const outside: string[] = [];
  /** API calls the page made, as paths with their query. */
  const apiCalls: string[] = [];
  const pageErrors: string[] = [];

  before(async () => {
    outDir = mkdtempSync(join(tmpdir(), "dyad-web-"));
    await build({ root: WEB_ROOT, logLevel: "warn", build: { outDir, emptyOutDir: true } });
    server = await startDashboardServer(outDir);
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    });
    page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    page.setDefaultTimeout(10_000);
    page.on("request", (request) => {
      if (!request.url().startsWith(server.url) && !request.url().startsWith("data:"))
        outside.push(request.url());
      const url = new URL(request.url());
      if (url.pathname.startsWith("/api/")) apiCalls.push(decodeURIComponent(url.pathname + url.search));
    });
    page.on("pageerror", (error) => pageErrors.push(error.message));
    page.on("dialog", (dialog) => {
      pageErrors.push(`dialog: ${dialog.message()}`);
      void dialog.dismiss();
    });
  });

  after(async () => {
    await browser?.close();
    await server?.close();
    if (outDir) rmSync(outDir, { recursive: true, force: true });
  });

  async function apiEvents(query: string): Promise<{ total: number; events: StoredEvent[] }> {
    const response = await fetch(`${server.url}api/events?${query}`);
    assert.equal(response.status, 200);
    return (await response.json()) as { total: number; events: StoredEvent[] };
  }

  /** Waits until the table lists exactly these events, in this order. */
  async function waitForRows(events: readonly StoredEvent[]): Promise<void> {
    await page.waitForFunction(
      (ids) =>
        JSON.stringify(
          Array.from(document.querySelectorAll("[data-testid=event-row]")).map((tr) =>
            tr.getAttribute("data-event-id"),
          ),
        ) === JSON.stringify(ids),
      events.map((e) => e.id),
    );
  }

  async function seriesTotal(path: string): Promise<number> {
    const response = await fetch(`${server.url}api/dyads/${path}`);
    assert.equal(response.status, 200);
    const body = (await response.json()) as { points: { count: number }[] };
    return body.points.reduce((sum, p) => sum + p.count, 0);
  }

  async function rowIds(): Promise<string[]> {
    return page
      .getByTestId("event-row")
      .evaluateAll((trs) => trs.map((tr) => tr.getAttribute("data-event-id") ?? ""));
  }

  test("choosing a dyad shows its relation over time and its events both ways", async () => {
    await page.goto(server.url);
    await page.getByLabel("Actor A").fill("RUS");
    await page.getByLabel(/Actor B/).fill("CHN");
    await page.getByRole("button", { name: "Show" }).click();

    await page.getByTestId("relation-title").filter({ hasText: "CHN" }).waitFor();
    assert.match(await textOf(page.getByTestId("relation-title")), /RUS.*↔.*CHN/);
    assert.match(page.url(), /#a=RUS&b=CHN$/);
    const chart = page.getByTestId("series-chart");
    await chart.locator("canvas").first().waitFor();
    const total = await seriesTotal("RUS/CHN/series?interval=month");
    assert.ok(total > 0, "the store has asserted events between RUS and CHN");
    assert.match(
      (await chart.getByRole("img").getAttribute("aria-label")) ?? "",
      new RegExp(`: ${total} events`),
    );

    const forward = await apiEvents("source=RUS&target=CHN&limit=500");
    const backward = await apiEvents("source=CHN&target=RUS&limit=500");
    assert.ok(forward.total > 0 && backward.total > 0, "the store has events in both directions");
    const both = [...forward.events, ...backward.events];
    await page.getByTestId("event-row").first().waitFor();
    const ids = await rowIds();
    assert.equal(ids.length, Math.min(25, both.length));
    const known = new Set(both.map((e) => e.id));
    assert.ok(
      ids.every((id) => known.has(id)),
      "every row is a RUS–CHN event",
    );
    const dates = both.filter((e) => ids.includes(e.id)).map((e) => e.date ?? "");
    assert.deepEqual(
      ids.map((id) => both.find((e) => e.id === id)?.date ?? ""),
      [...dates].sort().reverse(),
      "newest first",
    );
    assert.match(
      await textOf(page.getByTestId("event-table").locator("caption")),
      new RegExp(`of ${forward.total + backward.total}$`),
    );
    const bothWays = await apiEvents("dyad=RUS,CHN&limit=25");
    assert.deepEqual(
      ids,
      bothWays.events.map((e) => e.id),
      "one page of the API's both-ways dyad filter",
    );
    assert.ok(
      apiCalls.some((u) => u.startsWith("/api/events?") && u.includes("dyad=RUS,CHN")),
      "the table asks the API for both directions at once",
    );
    assert.ok(!apiCalls.some((u) => u.includes("source=CHN&target=RUS")), "no second, reversed fetch");
    assert.deepEqual(
      await page.getByTestId("event-table").getByTestId("modality-badge").allTextContents(),
      ids.map((id) => both.find((e) => e.id === id)!.modality.status.replace("_", " ")),
    );
  });

  test("one direction shows only the events from A toward B", async () => {
    await page.getByLabel("Direction").selectOption("ab");
    await page.getByTestId("relation-title").filter({ hasText: "→" }).waitFor();
    assert.match(page.url(), /dir=ab/);
    const forward = await apiEvents("source=RUS&target=CHN&limit=25");
    await waitForRows(forward.events);
    const total = await seriesTotal("RUS/CHN/series?interval=month&directed=true");
    const chart = page.getByTestId("series-chart").getByRole("img");
    await page.waitForFunction(
      (n) =>
        document
          .querySelector("[data-testid=series-chart] [role=img]")
          ?.getAttribute("aria-label")
          ?.includes(`: ${n} events`),
      total,
    );
    assert.match((await chart.getAttribute("aria-label")) ?? "", new RegExp(`: ${total} events`));
  });

  test("opening an event shows its article with source, target and trigger highlighted", async () => {
    // Every RUS→CHN event: hand-coded ones (clean text = raw text) and the samples' (page furniture removed).
    const { events } = await apiEvents("source=RUS&target=CHN&limit=25");
    assert.ok(events.length >= 2);
    const view = page.getByTestId("article-view");
    const marked = async (scope: Locator, kind: string) =>
      (await scope.locator(`mark.hl-${kind}`).allTextContents()).join("");
    for (const event of events) {
      await page.locator(`[data-testid=event-row][data-event-id="${event.id}"]`).click();
      await view.getByRole("heading", { level: 2, name: new RegExp(event.cameo.code) }).waitFor();
      await view.getByTestId("article-text").waitFor();
      const base = event.evidence.sentenceSpan[0];
      const trigger = event.evidence.sentence.slice(
        event.evidence.triggerSpan[0] - base,
        event.evidence.triggerSpan[1] - base,
      );
      for (const scope of [view.getByTestId("evidence"), view.getByTestId("article-text")]) {
        assert.equal(await marked(scope, "trigger"), trigger, event.id);
        assert.equal(await marked(scope, "source"), event.source.text, event.id);
        if (event.target) assert.equal(await marked(scope, "target"), event.target.text, event.id);
      }
      assert.ok((await marked(view.getByTestId("article-text"), "sentence")).length > 0, event.id);
      assert.match(
        await textOf(view.getByTestId("modality")),
        new RegExp(event.modality.status.replace("_", " ")),
      );
    }
  });

  test("filters narrow the events and search finds words in the evidence", async () => {
    await page.getByLabel("Status").selectOption("negated");
    const negated = await apiEvents("source=RUS&target=CHN&status=negated&limit=25");
    assert.ok(negated.total > 0, "the store has a negated RUS→CHN event");
    await waitForRows(negated.events);
    for (const badge of await page.getByTestId("event-table").getByTestId("modality-badge").allTextContents())
      assert.equal(badge, "negated");
    await page.getByRole("button", { name: "Clear" }).click();

    const word = (await apiEvents("source=RUS&target=CHN&limit=1")).events[0]!.evidence.sentence.split(
      /\s+/,
    )[1]!;
    await page.getByRole("searchbox", { name: "Search" }).fill(word);
    await page.getByRole("button", { name: "Apply" }).click();
    const found = await apiEvents(`source=RUS&target=CHN&q=${encodeURIComponent(word)}&limit=25`);
    assert.ok(found.total > 0);
    await waitForRows(found.events);
    assert.match(page.url(), new RegExp(`q=${encodeURIComponent(word)}`));
  });

  async function apiJson<T>(path: string): Promise<T> {
    const response = await fetch(`${server.url}api/${path}`);
    assert.equal(response.status, 200, path);
    return (await response.json()) as T;
  }

  test("a single actor gets its series, network and map", async () => {
    await page.goto(`${server.url}#a=RUS`);
    const asserted = await apiEvents("actor=RUS&status=asserted&limit=1");
    await page.getByTestId("series-chart").locator("canvas").first().waitFor();
    // The chart of the previous view can still be on screen for a moment after the hash changes: wait (up to 10 s)
    // for the actor's own series to replace it, then check its total.
    const want = new RegExp(`: ${asserted.total} events`);
    const chartLabel = () => page.getByTestId("series-chart").getByRole("img").getAttribute("aria-label");
    for (let i = 0; i < 100 && !want.test((await chartLabel()) ?? ""); i++) await page.waitForTimeout(100);
    assert.match((await chartLabel()) ?? "", want);
    assert.ok(
      apiCalls.some((u) => u.startsWith("/api/actors/RUS/series?")),
      "the actor's series comes from the API",
    );
    assert.doesNotMatch(await textOf(page.locator("main")), /Counted from the first/);
    const network = await apiJson<{ nodes: { code: string }[]; edges: { source: string; target: string }[] }>(
      "network?level=country&limit=150",
    );
    await page.getByTestId("network-node").first().waitFor();
    const drawn = await page
      .getByTestId("network-node")
      .evaluateAll((links) => links.map((a) => a.getAttribute("aria-label")?.split(" ")[0] ?? ""));
    const linked = new Set(
      network.edges.filter((e) => e.source !== e.target).flatMap((e) => [e.source, e.target]),
    );
    assert.ok(drawn.length >= 2);
    for (const code of drawn) assert.ok(linked.has(code), `${code} is drawn with at least one dyad`);
    assert.ok(drawn.includes("RUS") && drawn.includes("CHN"));

    const located = (await apiEvents("actor=RUS&limit=500")).events.filter((e) => e.location?.lat != null);
    const places = new Set(
      located.map((e) => `${e.location!.lat!.toFixed(1)},${e.location!.lon!.toFixed(1)}`),
    );
    assert.ok(places.size > 1, "RUS events have places");
    await page.getByTestId("event-map").locator("path.land").waitFor();
    await page.waitForFunction(
      (n) => document.querySelectorAll("[data-testid=map-point]").length === n,
      places.size,
    );

    await page.getByRole("link", { name: /^CHN [^→]/ }).click();
    await page.getByTestId("relation-title").filter({ hasText: "CHN" }).waitFor();
    assert.match(page.url(), /#a=CHN$/);
  });

  test("an alert opens its dyad and period with the events behind it", async () => {
    // The hand-written articles hold a rise in RUS→UKR conflict in the week of 2024-04-22.
    const at = "2024-04-23";
    const alerts = await apiJson<{ a: string; b: string; kind: string; period: string }[]>(
      `alerts?interval=week&at=${at}`,
    );
    const alert = alerts.find((x) => x.a === "RUS" && x.b === "UKR" && x.kind === "conflict");
    assert.ok(alert, "the API reports the RUS→UKR rise in conflict");
    await page.getByLabel("Week of").fill(at);
    const list = page.getByTestId("alert-list");
    await list.getByRole("button", { name: /RUS–UKR.*conflict/ }).waitFor();
    assert.equal(await list.getByRole("listitem").count(), alerts.length);
    await list.getByRole("button", { name: /RUS–UKR.*conflict/ }).click();
    await page.getByTestId("relation-title").filter({ hasText: "UKR" }).waitFor();
    assert.match(await textOf(page.getByTestId("relation-title")), /RUS.*→.*UKR/);
    assert.match(page.url(), /from=2024-04-22&to=2024-04-28/);
    const behind = await apiEvents("source=RUS&target=UKR&from=2024-04-22&to=2024-04-28&limit=25");
    assert.equal(behind.total, 3);
    await waitForRows(behind.events);
  });

  test("article text containing <script> is shown as text and never runs", async () => {
    const withScript = (await apiEvents("q=script&limit=5")).events[0];
    assert.ok(withScript, "an event from the article carrying <script>");
    await page.goto(`${server.url}#event=${encodeURIComponent(withScript.id)}&q=script`);
    const text = page.getByTestId("article-text");
    await text.waitFor();
    assert.match(await textOf(text), /<script>window\.__dyadXss = 1<\/script>/);
    assert.equal(
      await page.locator("[data-testid=article-view] script, [data-testid=article-view] img").count(),
      0,
    );
    assert.equal(
      await page.evaluate(() => (window as unknown as { __dyadXss?: number }).__dyadXss),
      undefined,
    );
    assert.deepEqual(pageErrors, []);
  });

  test("the page loads nothing from outside the server", () => {
    assert.deepEqual(outside, []);
  });
});
