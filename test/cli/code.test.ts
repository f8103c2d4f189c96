import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const BAD = join(ROOT, "test/fixtures/ingest/bad");
const GOOD = join(ROOT, "test/fixtures/ingest/good");

function dyad(...args: string[]) {
  // bin/dyad.js runs the compiled CLI (npm test builds first) and falls back to the sources through tsx.
  const r = spawnSync(process.execPath, [join(ROOT, "bin/dyad.js"), ...args], {
    cwd: ROOT,
    encoding: "utf8",
    timeout: 120_000,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

test("dyad code samples/ prints one parseable event per stdout line and a summary on stderr", () => {
  const r = dyad("code", "samples/");
  assert.equal(r.status, 0, r.stderr);
  const lines = r.stdout.split("\n").filter(Boolean);
  assert.ok(lines.length > 5, "the samples yield events");
  for (const line of lines) {
    const e = JSON.parse(line);
    assert.ok(
      e.id && e.articleId && e.cameo.code && e.source.code && e.modality.status && e.evidence.sentence,
    );
  }
  assert.match(r.stderr, /6 article\(s\) coded, 0 rejected/);
});

test("every bad input is one clear stderr line naming the file; good articles beside them are still coded", () => {
  const r = dyad("code", BAD, join(GOOD, "seed-style.txt"));
  assert.equal(r.status, 0, "something was coded, so the exit status is 0");
  const errors = r.stderr
    .split("\n")
    .filter((l) => l.startsWith("dyad: ") && !l.includes("article(s) coded"));
  for (const name of [
    "empty.txt",
    "binary.txt",
    "broken.jsonl",
    "no-article.html",
    "impossible-date.txt",
    "latin1.txt",
  ]) {
    if (name === "latin1.txt") continue; // latin-1 is decoded, not rejected
    assert.ok(
      errors.some((l) => l.includes(name)),
      `no error line for ${name}:\n${r.stderr}`,
    );
  }
  for (const l of errors) assert.match(l, /^dyad: \S+(:\d+)?: .+/);
});

test("--strict exits 1 when anything was rejected; nothing readable exits 1", () => {
  assert.equal(dyad("code", "--strict", BAD, join(GOOD, "seed-style.txt")).status, 1);
  assert.equal(dyad("code", join(BAD, "empty.txt"), join(BAD, "binary.txt")).status, 1);
});

test("--format csv --out FILE writes a CSV with a header and the same events", () => {
  const dir = mkdtempSync(join(tmpdir(), "dyad-code-"));
  const out = join(dir, "events.csv");
  const r = dyad("code", "samples/2019-05-03-russia-china-naval-drills.txt", "--format", "csv", "--out", out);
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stdout, "", "nothing on stdout when --out is given");
  const csv = readFileSync(out, "utf8").split("\n").filter(Boolean);
  assert.ok(csv[0]!.startsWith("id,article_id"));
  assert.ok(csv.length > 1);
});

test("dyad clean prints the story without the gallery paragraph; --help works on every command", () => {
  const seed = fileURLToPath(new URL("../../../shared/seeds/000_8b7cc604a3f66fa2.txt", import.meta.url));
  const r = dyad("clean", seed);
  assert.equal(r.status, 0);
  assert.match(r.stdout, /^# Putin: Russia-China military alliance can't be ruled out/);
  assert.match(r.stdout, /MOSCOW \(AP\) —/);
  assert.doesNotMatch(r.stdout, /Back to Gallery|Image 1 of/);
  for (const cmd of ["code", "clean", "ingest", "query", "export", "serve"]) {
    const h = dyad(cmd, "--help");
    assert.equal(h.status, 0, `${cmd} --help`);
    assert.match(h.stdout, /Usage: dyad/);
  }
});
