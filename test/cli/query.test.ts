import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { fileURLToPath } from "node:url";
import { openStore } from "../../src/store/index.js";
import { fixtureRow } from "../store/fixture-events.js";

const dir = mkdtempSync(join(tmpdir(), "dyad-query-"));
const db = join(dir, "events.db");
const cli = fileURLToPath(new URL("../scale/fixtures/dyad-cli.ts", import.meta.url));

function dyad(...args: string[]) {
  const r = spawnSync(process.execPath, ["--import", "tsx", cli, ...args], { encoding: "utf8" });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

before(async () => {
  const store = await openStore(db);
  const ev = (
    id: string,
    date: string,
    source: string,
    target: string,
    code: string,
    quad: 1 | 2 | 3 | 4,
    goldstein: number,
    status?: "asserted" | "future",
  ) => ({
    id,
    articleId: id.split(":")[0]!,
    date,
    source,
    target,
    code,
    quad,
    goldstein,
    ...(status ? { status } : {}),
  });
  await store.writeBatch({
    rows: [
      fixtureRow("a1", "Russian and Chinese ships sailed together off the coast in early March.", [
        ev("a1:0", "2024-03-04", "RUSMIL", "CHNMIL", "062", 2, 6),
      ]),
      fixtureRow("a2", "Beijing criticised Moscow over a pipeline price dispute later that month.", [
        ev("a2:0", "2024-03-20", "CHNGOV", "RUSGOV", "111", 3, -2),
        ev("a2:1", "2024-03-21", "RUSGOV", "CHNGOV", "036", 1, 4, "future"),
      ]),
      fixtureRow("a3", "In May the two governments signed a grain agreement at a ceremony.", [
        ev("a3:0", "2024-05-10", "RUS", "CHN", "057", 1, 8),
      ]),
    ],
    rejects: [],
  });
  await store.close();
});
after(() => rmSync(dir, { recursive: true, force: true }));

test("query prints one JSON line per month, asserted events only, gaps filled", () => {
  const r = dyad("query", "--db", db, "--dyad", "rus-chn", "--interval", "month", "--format", "jsonl");
  assert.equal(r.code, 0, r.stderr);
  const points = r.stdout
    .trim()
    .split("\n")
    .map((line) => JSON.parse(line));
  assert.deepEqual(points, [
    { t: "2024-03-01", count: 2, byQuad: { 1: 0, 2: 1, 3: 1, 4: 0 }, goldsteinSum: 4, goldsteinMean: 2 },
    { t: "2024-04-01", count: 0, byQuad: { 1: 0, 2: 0, 3: 0, 4: 0 }, goldsteinSum: 0, goldsteinMean: null },
    { t: "2024-05-01", count: 1, byQuad: { 1: 1, 2: 0, 3: 0, 4: 0 }, goldsteinSum: 8, goldsteinMean: 8 },
  ]);
  assert.match(r.stderr, /RUS–CHN: 3 event\(s\) in 3 month\(s\), statuses: asserted/);
});

test("query options: all statuses, directed, date range, weeks", () => {
  const lines = (...args: string[]) => {
    const r = dyad("query", "--db", db, "--format", "jsonl", ...args);
    assert.equal(r.code, 0, r.stderr);
    return r.stdout
      .trim()
      .split("\n")
      .filter(Boolean)
      .map((line) => JSON.parse(line) as { t: string; count: number });
  };
  assert.deepEqual(
    lines("--dyad", "RUS-CHN", "--all-statuses", "--to", "2024-03-31").map((p) => [p.t, p.count]),
    [["2024-03-01", 3]],
  );
  assert.deepEqual(
    lines("--dyad", "RUS-CHN", "--directed").map((p) => [p.t, p.count]),
    [
      ["2024-03-01", 1],
      ["2024-04-01", 0],
      ["2024-05-01", 1],
    ],
  );
  assert.deepEqual(
    lines("--dyad", "CHN-RUS", "--interval", "week", "--from", "2024-03-01", "--to", "2024-03-20").map(
      (p) => [p.t, p.count],
    ),
    [
      ["2024-02-26", 0],
      ["2024-03-04", 1],
      ["2024-03-11", 0],
      ["2024-03-18", 1],
    ],
  );
});

test("query prints a table with a row per period", () => {
  const r = dyad("query", "--db", db, "--dyad", "RUSMIL-CHN", "--format", "table");
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /period/);
  assert.match(r.stdout, /2024-03-01/);
  assert.equal((r.stdout.match(/2024-/g) ?? []).length, 1);
});

test("query refuses bad arguments and a missing store with a clear message", () => {
  const cases: [args: string[], message: RegExp][] = [
    [["--db", db, "--dyad", "RUSCHN"], /expected two actor codes joined by '-'/],
    [["--db", db, "--dyad", "RUS-CHN", "--interval", "year"], /Allowed choices are day, week, month/],
    [["--db", db, "--dyad", "RUS-CHN", "--from", "March"], /expected a date YYYY-MM-DD/],
    [["--db", db, "--dyad", "RUS-CHN", "--status", "rumoured"], /unknown status 'rumoured'/],
    [["--db", join(dir, "none.db"), "--dyad", "RUS-CHN"], /dyad: no database at/],
  ];
  for (const [args, message] of cases) {
    const r = dyad("query", ...args);
    assert.notEqual(r.code, 0, args.join(" "));
    assert.match(r.stderr, message, args.join(" "));
    assert.equal(r.stdout, "", "nothing on stdout");
  }
});
