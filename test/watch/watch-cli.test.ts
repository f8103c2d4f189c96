import assert from "node:assert/strict";
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { fileURLToPath } from "node:url";
import { openStore } from "../../src/store/index.js";
import { FeedServer, page, rss } from "./feed-server.js";
import { STORIES } from "./stories.js";

// The real `dyad watch` in a child process, against feeds and pages served on loopback by this process.
const dir = mkdtempSync(join(tmpdir(), "dyad-watch-cli-"));
const cli = fileURLToPath(new URL("./fixtures/dyad-watch-cli.ts", import.meta.url));
let server: FeedServer;

before(async () => {
  server = await FeedServer.start();
});
after(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

interface Run {
  readonly child: ChildProcess;
  readonly done: Promise<{ code: number | null; stdout: string; stderr: string }>;
  stderr(): string;
}

/** Starts `dyad …` without blocking this process (the loopback server must keep answering). */
function dyad(...args: string[]): Run {
  const child = spawn(process.execPath, ["--import", "tsx", cli, ...args], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout?.on("data", (d: Buffer) => {
    stdout += d.toString();
  });
  child.stderr?.on("data", (d: Buffer) => {
    stderr += d.toString();
  });
  const done = new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) =>
    child.on("close", (code) => resolve({ code, stdout, stderr })),
  );
  return { child, done, stderr: () => stderr };
}

async function until(condition: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 1200 && !condition(); i++) await new Promise((r) => setTimeout(r, 50));
  assert.ok(condition(), `waited for ${what}`);
}

async function storedArticles(db: string): Promise<number> {
  const store = await openStore(db);
  try {
    return (await store.counts()).articles;
  } finally {
    await store.close();
  }
}

test("dyad watch --once stores the new items, logs to stderr only, and a rerun stores nothing twice", async () => {
  server.routes.set("/c1/drills", { body: page(STORIES.drills.title, STORIES.drills.paragraphs) });
  const feedFile = join(dir, "c1.xml");
  writeFileSync(
    feedFile,
    rss([
      { title: STORIES.drills.title, link: server.url("/c1/drills"), description: STORIES.drills.summary },
      { title: STORIES.aid.title, description: STORIES.aid.summary },
    ]),
  );
  const feeds = join(dir, "c1.txt");
  writeFileSync(feeds, `${feedFile}  # a local feed file\n`);
  const db = join(dir, "c1.db");
  const first = await dyad("watch", feeds, "--db", db, "--once").done;
  assert.equal(first.code, 0, first.stderr);
  assert.equal(first.stdout, "");
  assert.match(first.stderr, /watch round 1: 2 new article\(s\) \(1 from pages, 1 from feed text\)/);
  assert.ok(existsSync(`${db}.watch.json`), "the state sits beside the store");
  assert.ok(!existsSync(`${db}.watch.json.lock`), "the lock is released");
  const second = await dyad("watch", feeds, "--db", db, "--once").done;
  assert.equal(second.code, 0, second.stderr);
  assert.match(second.stderr, /watch round 1: 0 new article\(s\)/);
  assert.equal(await storedArticles(db), 2);
});

test("SIGTERM during a page fetch stops at once without marking the item seen; the next run ingests it", async () => {
  server.routes.set("/c2/talks", { hang: true });
  server.routes.set("/c2/feed.rss", {
    body: rss([
      { title: STORIES.talks.title, link: server.url("/c2/talks"), description: STORIES.talks.summary },
    ]),
  });
  const feeds = join(dir, "c2.txt");
  writeFileSync(feeds, `${server.url("/c2/feed.rss")}\n`);
  const db = join(dir, "c2.db");
  const run = dyad("watch", feeds, "--db", db, "--interval", "3600", "--timeout", "120");
  await until(() => server.hitsOf("/c2/talks") === 1, "the page request");
  run.child.kill("SIGTERM");
  const stoppedRun = await run.done;
  assert.equal(stoppedRun.code, 0, stoppedRun.stderr);
  assert.match(stoppedRun.stderr, /SIGTERM: stopping/);
  assert.match(stoppedRun.stderr, /dyad: watch: stopped/);
  assert.doesNotMatch(stoppedRun.stderr, /using the feed's text/, "a stop is not a page failure");
  assert.ok(!existsSync(`${db}.watch.json.lock`));
  assert.equal(await storedArticles(db), 0);
  const state = JSON.parse(readFileSync(`${db}.watch.json`, "utf8"));
  assert.deepEqual(state.feeds[server.url("/c2/feed.rss")].items, {});

  server.routes.set("/c2/talks", { body: page(STORIES.talks.title, STORIES.talks.paragraphs) });
  const next = await dyad("watch", feeds, "--db", db, "--once").done;
  assert.equal(next.code, 0, next.stderr);
  assert.match(next.stderr, /1 new article\(s\) \(1 from pages, 0 from feed text\)/);
});

test("SIGINT between rounds stops the loop cleanly", async () => {
  server.routes.set("/c3/feed.rss", {
    body: rss([{ title: STORIES.aid.title, description: STORIES.aid.summary }]),
  });
  const feeds = join(dir, "c3.txt");
  writeFileSync(feeds, `${server.url("/c3/feed.rss")}\n`);
  const db = join(dir, "c3.db");
  const run = dyad("watch", feeds, "--db", db, "--interval", "3600");
  await until(() => run.stderr().includes("watch round 1:"), "the first round");
  run.child.kill("SIGINT");
  const result = await run.done;
  assert.equal(result.code, 0, result.stderr);
  assert.match(result.stderr, /dyad: watch: stopped/);
  assert.equal(await storedArticles(db), 1);
});

test("usage errors and a round where every feed fails give non-zero exit codes", async () => {
  const feeds = join(dir, "c4.txt");
  writeFileSync(feeds, `${server.url("/c4/missing.rss")}\nftp://example.org/feed\n`);
  const memory = await dyad("watch", feeds, "--db", ":memory:", "--once").done;
  assert.equal(memory.code, 2);
  assert.match(memory.stderr, /give --state FILE/);
  const badInterval = await dyad("watch", feeds, "--db", join(dir, "c4.db"), "--interval", "soon").done;
  assert.notEqual(badInterval.code, 0);
  assert.match(badInterval.stderr, /expected a number of seconds, got 'soon'/);
  const missing = await dyad("watch", join(dir, "nowhere.txt"), "--db", join(dir, "c4-missing.db"), "--once")
    .done;
  assert.equal(missing.code, 1);
  assert.match(missing.stderr, /cannot read the feeds file ".*nowhere\.txt": no such file/);
  assert.ok(!existsSync(join(dir, "c4-missing.db")), "no store is created for a command that cannot run");
  const noFeeds = join(dir, "empty.txt");
  writeFileSync(noFeeds, "# nothing yet\n");
  const none = await dyad("watch", noFeeds, "--db", join(dir, "c4.db"), "--once").done;
  assert.equal(none.code, 2);
  assert.match(none.stderr, /no feeds listed/);
  const failing = await dyad("watch", feeds, "--db", join(dir, "c4.db"), "--once").done;
  assert.equal(failing.code, 1);
  assert.match(
    failing.stderr,
    /line 2: only http\(s\) URLs and local files can be watched: "ftp:\/\/example.org\/feed"/,
  );
  assert.match(failing.stderr, /feed http:\/\/127\.0\.0\.1:\d+\/c4\/missing\.rss: HTTP 404/);
});
