import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { openStore, type Store } from "../../src/store/index.js";
import { DyadError } from "../../src/types/errors.js";
import { type WatchOptions, type WatchRound, WatchState, watchFeeds } from "../../src/watch/index.js";
import { atom, FeedServer, page, rss } from "./feed-server.js";
import { STORIES } from "./stories.js";

// Feeds and pages served on loopback; the real pipeline codes what the watcher finds.
const dir = mkdtempSync(join(tmpdir(), "dyad-watch-"));
let server: FeedServer;
let run = 0;

before(async () => {
  server = await FeedServer.start();
  for (const [name, story] of Object.entries(STORIES)) {
    if (story.paragraphs.length > 0)
      server.routes.set(`/news/${name}`, { body: page(story.title, story.paragraphs) });
  }
});
after(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

type StoryName = keyof typeof STORIES;

function item(name: StoryName, link = true) {
  const story = STORIES[name];
  return {
    title: story.title,
    description: story.summary,
    ...(link ? { link: server.url(`/news/${name}`) } : {}),
  };
}

/** A fresh store, state and feeds file for one test. */
function setup(feeds: readonly string[]) {
  const base = join(dir, `t${run++}`);
  const feedsFile = `${base}.feeds.txt`;
  writeFileSync(feedsFile, `# feeds for a test\n\n${feeds.join("\n")}\n`);
  return { db: `${base}.db`, statePath: `${base}.db.watch.json`, feedsFile };
}

async function watch(
  paths: ReturnType<typeof setup>,
  options: Partial<WatchOptions> = {},
): Promise<{ rounds: readonly WatchRound[]; log: string[]; store: Store }> {
  const store = await openStore(paths.db);
  const log: string[] = [];
  try {
    const { rounds } = await watchFeeds({
      feedsFile: paths.feedsFile,
      statePath: paths.statePath,
      store,
      once: true,
      // generous: on a loaded CI machine a loopback page can take seconds; the hang test sets its own 2 s
      timeoutSeconds: 15,
      log: (line) => log.push(line),
      ...options,
    });
    return { rounds, log, store };
  } catch (error) {
    await store.close();
    throw error;
  }
}

async function counts(db: string) {
  const store = await openStore(db);
  try {
    return { ...(await store.counts()), rejects: await store.rejects() };
  } finally {
    await store.close();
  }
}

test("new items are fetched, coded and stored once across rounds; unchanged feeds answer 304", async () => {
  server.routes.set("/t1/world.rss", {
    body: rss([item("drills"), item("talks")]),
    etag: true,
    type: "application/rss+xml",
  });
  server.routes.set("/t1/wire.atom", {
    body: atom([
      { ...item("sanctions"), link: server.url("/news/sanctions"), summary: STORIES.sanctions.summary },
    ]),
  });
  const paths = setup([server.url("/t1/world.rss"), server.url("/t1/wire.atom")]);
  const controller = new AbortController();
  const notModifiedBefore = server.notModified;
  const { rounds, store } = await watch(paths, {
    once: false,
    intervalSeconds: 0,
    signal: controller.signal,
    onRound: (round) => {
      // Between rounds a new story appears in the first feed; after the third round the watcher is stopped.
      if (round.round === 1)
        server.routes.set("/t1/world.rss", {
          body: rss([item("aid"), item("drills"), item("talks")]),
          etag: true,
        });
      if (round.round === 3) controller.abort();
    },
  });
  try {
    assert.deepEqual(
      rounds.map((r) => [r.articles, r.fromPage, r.fromFeed, r.failed]),
      [
        [3, 3, 0, 0],
        [1, 1, 0, 0],
        [0, 0, 0, 0],
      ],
    );
    assert.ok(rounds[0] && rounds[0].events > 0, "the stories carry events");
    assert.equal(rounds[2]?.unchanged, 2);
    assert.ok(server.notModified > notModifiedBefore, "the unchanged feed was asked with If-None-Match");
    for (const name of ["drills", "talks", "sanctions", "aid"])
      assert.equal(server.hitsOf(`/news/${name}`), 1, name);
    const c = await store.counts();
    assert.equal(c.articles, 4);
    const { events } = await store.events({ limit: 500 });
    const drills = events.find((e) => e.evidence.sentence.includes("joint naval exercises"));
    assert.ok(drills, "an event from the drills page");
    const stored = await store.article(drills.articleId);
    assert.equal(stored?.url, server.url("/news/drills"));
    assert.equal(stored?.title, STORIES.drills.title);
    assert.equal(stored?.published, "2020-10-22");
  } finally {
    await store.close();
  }

  // A restart with the same state: nothing is fetched again but the feeds themselves.
  const again = await watch(paths);
  await again.store.close();
  assert.equal(again.rounds[0]?.articles, 0);
  for (const name of ["drills", "talks", "sanctions", "aid"])
    assert.equal(server.hitsOf(`/news/${name}`), 1, name);

  // Even with the state file lost, the store's ids keep the articles from being stored twice.
  rmSync(paths.statePath);
  const lost = await watch(paths);
  await lost.store.close();
  assert.equal(lost.rounds[0]?.articles, 0);
  assert.equal(lost.rounds[0]?.alreadyStored, 4);
  assert.equal((await counts(paths.db)).articles, 4);
});

/** A loopback port with nothing listening on it. */
async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const port = (probe.address() as { port: number }).port;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

test("feeds that fail are logged with the reason and retried with back-off; the others still ingest", async () => {
  server.routes.set("/t2/good.rss", { body: rss([item("aid")]) });
  server.routes.set("/t2/down.rss", { status: 500, body: "oops" });
  server.routes.set("/t2/cut.rss", {
    body: '<?xml version="1.0"?><rss version="2.0"><channel><item><title>Cut off',
    type: "text/xml",
  });
  server.routes.set("/t2/junk.rss", {
    body: '<rss version="2.0"><channel><title>x</title></chan',
    type: "text/xml",
  });
  server.routes.set("/t2/page.rss", { body: page("Not a feed", ["This is a web page, not a feed."]) });
  server.routes.set("/t2/slow.rss", { hang: true });
  const unreachable = `http://127.0.0.1:${await closedPort()}/feed.rss`;
  const failing = [
    ["/t2/down.rss", /HTTP 500/],
    ["/t2/cut.rss", /never closes/],
    ["/t2/junk.rss", /malformed XML/],
    ["/t2/page.rss", /not an RSS or Atom feed \(the root element is <html>\)/],
    ["/t2/slow.rss", /timed out after 2 s/],
  ] as const;
  const paths = setup([
    server.url("/t2/down.rss"),
    server.url("/t2/good.rss"),
    ...failing.slice(1).map(([p]) => server.url(p)),
    unreachable,
    join(dir, "no-such-feed.xml"),
  ]);
  let clock = Date.parse("2024-05-01T12:00:00Z");
  const now = () => new Date(clock);
  const first = await watch(paths, { intervalSeconds: 60, now, timeoutSeconds: 2 });
  await first.store.close();
  assert.equal(first.rounds[0]?.articles, 1);
  assert.equal(first.rounds[0]?.failed, 7);
  const feedLines = first.log.filter((l) => l.startsWith("dyad: watch: feed "));
  assert.equal(feedLines.length, 7, feedLines.join("\n"));
  for (const [path, reason] of failing) {
    const line = feedLines.find((l) => l.includes(server.url(path)));
    assert.ok(line && reason.test(line), `${path}: ${line}`);
    assert.match(line, /\(failure 1; retrying next round\)$/);
  }
  assert.ok(feedLines.some((l) => l.includes(unreachable) && l.includes("connection refused")));
  assert.ok(feedLines.some((l) => l.includes("no-such-feed.xml") && l.includes("no such file")));

  // Half an interval later: the failing feeds are backing off and not asked at all.
  clock += 30_000;
  const hits = server.hitsOf("/t2/down.rss");
  const second = await watch(paths, { intervalSeconds: 60, now });
  await second.store.close();
  assert.equal(second.rounds[0]?.backingOff, 7);
  assert.equal(server.hitsOf("/t2/down.rss"), hits);

  // One interval later they are tried again, and a second failure doubles the wait.
  clock += 31_000;
  const third = await watch(paths, { intervalSeconds: 60, now });
  await third.store.close();
  assert.equal(server.hitsOf("/t2/down.rss"), hits + 1);
  assert.ok(
    third.log.some((l) => l.includes("/t2/down.rss") && l.endsWith("(failure 2; retrying in 2 min)")),
    third.log.join("\n"),
  );

  // Once the feed is back it is read, and its failure count is forgotten.
  server.routes.set("/t2/down.rss", { body: rss([item("talks")]) });
  clock += 121_000;
  const fourth = await watch(paths, { intervalSeconds: 60, now });
  await fourth.store.close();
  assert.equal(fourth.rounds[0]?.articles, 1);
  const state = JSON.parse(readFileSync(paths.statePath, "utf8"));
  assert.equal(state.feeds[server.url("/t2/down.rss")].failures, 0);
});

test("an item whose page fails falls back to the feed's own text", async () => {
  server.routes.set("/t3/mixed.rss", {
    body: rss([
      { ...item("missing"), link: server.url("/news/gone") },
      item("sanctions", false),
      { ...item("talks"), link: server.url("/t3/report.pdf") },
      { ...item("aid"), link: server.url("/t3/deep") },
    ]),
  });
  server.routes.set("/t3/report.pdf", { body: "%PDF-1.4", type: "application/pdf" });
  // Nested far deeper than any real page: the HTML reader would take minutes over it.
  const deep = STORIES.aid.paragraphs.map((p) => `<p>${p}</p>`).join("");
  server.routes.set("/t3/deep", {
    body: `<html><body>${"<div>".repeat(1000)}${deep}${"</div>".repeat(1000)}</body></html>`,
  });
  const paths = setup([server.url("/t3/mixed.rss")]);
  const { rounds, log, store } = await watch(paths);
  try {
    assert.equal(rounds[0]?.articles, 4);
    assert.equal(rounds[0]?.fromFeed, 4);
    assert.ok(
      log.some((l) =>
        /\/t3\/deep: HTML nested 1,003 levels deep \(limit 250\); using the feed's text$/.test(l),
      ),
      log.join("\n"),
    );
    assert.ok(
      log.some((l) => l.includes(`page ${server.url("/news/gone")}: HTTP 404; using the feed's text`)),
    );
    assert.ok(log.some((l) => l.includes("not an HTML page (application/pdf)")));
    const { events } = await store.events({ limit: 100 });
    const trade = events.find((e) => e.evidence.sentence.startsWith("India and Nepal signed"));
    assert.ok(trade, "the description of the 404 item was coded");
    const article = await store.article(trade.articleId);
    assert.equal(article?.url, server.url("/news/gone"));
    assert.equal(article?.rawText, STORIES.missing.summary);
  } finally {
    await store.close();
  }
});

test("items are known by their feed id: a changed link is no new item, and headline-only items are read from their page", async () => {
  const headline = (name: StoryName, link: string, guid: string) => ({
    title: STORIES[name].title,
    link,
    guid,
  });
  server.routes.set("/t7/ids.rss", {
    body: rss([
      { ...item("drills"), guid: "desk-1" },
      headline("talks", server.url("/news/talks"), "desk-2"),
      headline("missing", server.url("/news/gone"), "desk-3"),
    ]),
  });
  const paths = setup([server.url("/t7/ids.rss")]);
  const first = await watch(paths);
  try {
    assert.deepEqual(
      [first.rounds[0]?.articles, first.rounds[0]?.fromPage, first.rounds[0]?.fromFeed],
      [3, 2, 1],
      first.log.join("\n"),
    );
    assert.ok(
      first.log.some((l) =>
        l.endsWith(
          `page ${server.url("/news/gone")}: HTTP 404; using the item's headline (the feed gives no text)`,
        ),
      ),
      first.log.join("\n"),
    );
    const { events } = await first.store.events({ limit: 500 });
    const talks = events.find((e) => e.evidence.sentence.includes("resume talks on the management"));
    assert.ok(talks, "the headline-only item was coded from its page");
    assert.equal((await first.store.article(talks.articleId))?.title, STORIES.talks.title);
  } finally {
    await first.store.close();
  }
  const state = JSON.parse(readFileSync(paths.statePath, "utf8"));
  assert.deepEqual(Object.keys(state.feeds[server.url("/t7/ids.rss")].items).sort(), [
    "guid:desk-1",
    "guid:desk-2",
    "guid:desk-3",
  ]);

  // The first story's link gains a tracking parameter (same id: not new); two new items share one link.
  const hits = { drills: server.hitsOf("/news/drills"), aid: server.hitsOf("/news/aid") };
  server.routes.set("/t7/ids.rss", {
    body: rss([
      { ...item("drills"), link: `${server.url("/news/drills")}?from=rss`, guid: "desk-1" },
      { ...item("aid"), guid: "desk-4" },
      { ...item("aid"), title: "Japan's aid, continued", guid: "desk-5" },
    ]),
  });
  const second = await watch(paths);
  await second.store.close();
  assert.equal(
    server.hitsOf("/news/drills"),
    hits.drills,
    "the story whose link changed is not fetched again",
  );
  assert.equal(server.hitsOf("/news/aid"), hits.aid + 2, "each new id is fetched");
  assert.deepEqual([second.rounds[0]?.articles, second.rounds[0]?.alreadyStored], [1, 1]);
});

test("items remembered by link in an older state file are not ingested again once the feed gives ids", async () => {
  const stories: StoryName[] = ["drills", "sanctions"];
  server.routes.set("/t8/old.rss", { body: rss(stories.map((name) => item(name))) });
  const paths = setup([server.url("/t8/old.rss")]);
  const first = await watch(paths);
  await first.store.close();
  assert.equal(first.rounds[0]?.articles, 2);
  // Link keys, as a watcher that did not know item ids wrote them.
  const feedKey = server.url("/t8/old.rss");
  let state = JSON.parse(readFileSync(paths.statePath, "utf8"));
  const byLink = Object.fromEntries(
    Object.entries(state.feeds[feedKey].items).map(([key, seen]) => [key.replace(/^guid:/, ""), seen]),
  );
  state.feeds[feedKey].items = byLink;
  writeFileSync(paths.statePath, JSON.stringify(state));
  const hits = stories.map((name) => server.hitsOf(`/news/${name}`));
  server.routes.set("/t8/old.rss", {
    body: rss(stories.map((name, i) => ({ ...item(name), guid: `old-${i}` }))),
  });
  const second = await watch(paths);
  await second.store.close();
  assert.equal(second.rounds[0]?.articles, 0);
  assert.deepEqual(
    stories.map((name) => server.hitsOf(`/news/${name}`)),
    hits,
  );
  state = JSON.parse(readFileSync(paths.statePath, "utf8"));
  assert.deepEqual(Object.keys(state.feeds[feedKey].items).sort(), ["guid:old-0", "guid:old-1"]);
});

test("a broken item beside good ones is reported and stored as a reject once", async () => {
  const good = rss([item("drills")]);
  const broken = good.replace(
    "<item>",
    "<item><title>Broken <b>markup</title><link>http://x</link></item>\n<item>",
  );
  server.routes.set("/t4/partly.rss", { body: broken });
  const paths = setup([server.url("/t4/partly.rss")]);
  const first = await watch(paths);
  await first.store.close();
  assert.equal(first.rounds[0]?.articles, 1);
  assert.equal(first.rounds[0]?.rejected, 1);
  assert.equal(first.log.filter((l) => l.includes("broken feed <item>")).length, 1);
  // The feed changes (a new story) but still carries the broken item: not reported again.
  server.routes.set("/t4/partly.rss", {
    body: broken.replace(
      "<item>",
      `<item><title>New</title><link>${server.url("/news/aid")}</link><description>Aid.</description></item>\n<item>`,
    ),
  });
  const second = await watch(paths);
  await second.store.close();
  assert.equal(second.rounds[0]?.articles, 1);
  assert.equal(second.log.filter((l) => l.includes("broken feed <item>")).length, 0);
  const stored = await counts(paths.db);
  assert.equal(stored.rejects.length, 1);
  assert.equal(stored.rejects[0]?.path, server.url("/t4/partly.rss"));
});

test("--max-items spreads a backlog over rounds, and a local feed file is watched like a URL", async () => {
  const local = join(dir, "local-feed.xml");
  writeFileSync(local, rss([item("drills"), item("talks"), item("sanctions")]));
  const paths = setup(["local-feed.xml"]); // relative to the feeds file's folder
  const first = await watch(paths, { maxItems: 2 });
  await first.store.close();
  assert.equal(first.rounds[0]?.articles, 2, JSON.stringify([first.rounds, first.log]));
  assert.equal(first.rounds[0]?.deferred, 1);
  const second = await watch(paths, { maxItems: 2 });
  await second.store.close();
  assert.equal(second.rounds[0]?.articles, 1);
  assert.equal(second.rounds[0]?.deferred, 0);
  const third = await watch(paths, { maxItems: 2 });
  await third.store.close();
  assert.equal(third.rounds[0]?.articles, 0);
  assert.equal(third.rounds[0]?.unchanged, 1);
  assert.equal((await counts(paths.db)).articles, 3);
});

test("after a crash between the store write and the state update, pending items are checked, not re-ingested", async () => {
  server.routes.set("/t6/crash.rss", { body: rss([item("aid"), item("sanctions")]) });
  const paths = setup([server.url("/t6/crash.rss")]);
  const first = await watch(paths);
  await first.store.close();
  assert.equal(first.rounds[0]?.articles, 2, JSON.stringify([first.rounds, first.log]));
  // What a crash right after the write leaves: both items still pending, the feed never fully handled. One of them
  // is made to look unwritten (its id is not in the store): that one must be fetched and stored again.
  const state = JSON.parse(readFileSync(paths.statePath, "utf8"));
  const feed = state.feeds[server.url("/t6/crash.rss")];
  const aid = server.url("/news/aid");
  const sanctions = server.url("/news/sanctions");
  feed.pending = { [aid]: feed.items[aid].articleId, [sanctions]: "0000000000000000" };
  feed.items = {};
  feed.bodyHash = null;
  writeFileSync(paths.statePath, JSON.stringify(state));
  const hits = { aid: server.hitsOf("/news/aid"), sanctions: server.hitsOf("/news/sanctions") };
  const second = await watch(paths);
  await second.store.close();
  assert.equal(server.hitsOf("/news/aid"), hits.aid, "the stored item is not fetched again");
  assert.equal(server.hitsOf("/news/sanctions"), hits.sanctions + 1, "the unwritten item is fetched again");
  assert.equal(second.rounds[0]?.alreadyStored, 1);
  assert.equal((await counts(paths.db)).articles, 2);
});

test("two watchers cannot share one state file; a corrupt state file is an error, not a fresh start", async () => {
  const path = join(dir, "locked.watch.json");
  const held = await WatchState.open(path);
  await assert.rejects(
    WatchState.open(path),
    (e: unknown) => e instanceof DyadError && /another dyad watch/.test(e.message),
  );
  await held.close();
  const reopened = await WatchState.open(path);
  await reopened.close();
  writeFileSync(path, "{ not json");
  await assert.rejects(
    WatchState.open(path),
    (e: unknown) => e instanceof DyadError && /not valid JSON/.test(e.message),
  );
  writeFileSync(path, JSON.stringify({ version: 1, feeds: { x: { etag: 3 } } }));
  await assert.rejects(WatchState.open(path), /not a dyad watch state/);
});
