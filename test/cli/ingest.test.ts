import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { fileURLToPath } from "node:url";
import BetterSqlite3 from "better-sqlite3";
import { type CorpusInfo, makeCorpus } from "../scale/fixtures/make-corpus.js";
import { dumpStore } from "../store/dump-store.js";

// The real command with the real coding pipeline, on a generated corpus of a few hundred short articles.
const dir = mkdtempSync(join(tmpdir(), "dyad-cli-ingest-"));
const cli = fileURLToPath(new URL("../scale/fixtures/dyad-cli.ts", import.meta.url));
let corpus: CorpusInfo;
let reference: string;
const referenceDb = join(dir, "reference.db");

function dyad(...args: string[]) {
  const r = spawnSync(process.execPath, ["--import", "tsx", cli, ...args], { encoding: "utf8" });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function storedArticles(db: string): number {
  try {
    const sqlite = new BetterSqlite3(db, { readonly: true, fileMustExist: true });
    try {
      return sqlite.prepare("SELECT count(*) FROM articles").pluck().get() as number;
    } finally {
      sqlite.close();
    }
  } catch {
    return 0; // not created yet, or the schema is not there yet
  }
}

/** Starts an ingest and kills it with SIGKILL once the store holds at least `atLeast` articles. */
function ingestKilledAt(db: string, atLeast: number): Promise<boolean> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ["--import", "tsx", cli, "ingest", ...corpus.paths, "--db", db, "--batch", "10"],
      {
        stdio: "ignore",
      },
    );
    const timer = setInterval(() => {
      if (storedArticles(db) >= atLeast) child.kill("SIGKILL");
    }, 20);
    child.on("error", reject);
    child.on("exit", (_code, signal) => {
      clearInterval(timer);
      resolve(signal === "SIGKILL");
    });
  });
}

before(() => {
  corpus = makeCorpus(join(dir, "corpus"), 300, 5);
  const r = dyad("ingest", ...corpus.paths, "--db", referenceDb, "--workers", "2");
  assert.equal(r.code, 0, r.stderr);
  reference = dumpStore(referenceDb);
});
after(() => rmSync(dir, { recursive: true, force: true }));

test("ingest stores every article, reports rejects with file and line, and prints a summary on stderr only", () => {
  const db = join(dir, "first.db");
  const r = dyad("ingest", ...corpus.paths, "--db", db, "--workers", "2", "--batch", "50");
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.stdout, "");
  const rejected = r.stderr.split("\n").filter((l) => l.startsWith("dyad: rejected "));
  assert.equal(rejected.length, corpus.rejects);
  assert.match(rejected[0] ?? "", /^dyad: rejected .*articles\.jsonl:\d+: broken JSON/);
  assert.match(
    r.stderr,
    new RegExp(
      `dyad: ${corpus.articles} article\\(s\\) stored, \\d+ event\\(s\\), ${corpus.rejects} rejected, in `,
    ),
  );
  assert.equal(storedArticles(db), corpus.articles);
  assert.equal(dumpStore(db), reference, "batch size does not change the result");
});

test("ingesting the same input again adds nothing", () => {
  const r = dyad("ingest", ...corpus.paths, "--db", referenceDb);
  assert.equal(r.code, 0, r.stderr);
  assert.match(
    r.stderr,
    new RegExp(`dyad: 0 article\\(s\\) stored \\(${corpus.articles} already stored or repeated\\)`),
  );
  assert.equal(dumpStore(referenceDb), reference);
});

test("one worker gives the same database as two", () => {
  const db = join(dir, "one-worker.db");
  const r = dyad("ingest", ...corpus.paths, "--db", db, "--workers", "1");
  assert.equal(r.code, 0, r.stderr);
  assert.equal(dumpStore(db), reference);
});

test("after kill -9 mid-run, running the same command again gives the same database", async () => {
  for (const atLeast of [1, 120, 240]) {
    const db = join(dir, `killed-${atLeast}.db`);
    assert.ok(await ingestKilledAt(db, atLeast), `run was not killed at ${atLeast}`);
    assert.ok(storedArticles(db) < corpus.articles, "the killed run did not finish");
    const r = dyad("ingest", ...corpus.paths, "--db", db);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(dumpStore(db), reference, `killed at ${atLeast}`);
  }
});

test("query reads the ingested store", () => {
  const r = dyad(
    "query",
    "--db",
    referenceDb,
    "--dyad",
    "RUS-CHN",
    "--interval",
    "month",
    "--all-statuses",
    "--format",
    "jsonl",
  );
  assert.equal(r.code, 0, r.stderr);
  for (const line of r.stdout.trim().split("\n").filter(Boolean)) {
    const point = JSON.parse(line) as { t: string; count: number };
    assert.match(point.t, /^2023-\d{2}-01$/);
    assert.ok(point.count >= 0);
  }
});

test("ingest refuses bad options", () => {
  const r = dyad("ingest", ...corpus.paths, "--db", join(dir, "x.db"), "--workers", "0");
  assert.notEqual(r.code, 0);
  assert.match(r.stderr, /expected a positive whole number, got '0'/);
});
