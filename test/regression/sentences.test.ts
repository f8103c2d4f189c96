import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { fileURLToPath } from "node:url";

// Guards the shape and the coverage of the hand-written regression set that `npm run eval` scores dyad against:
// a malformed line would silently drop a case, and a thinned-out set would flatter the figures.

const SET = fileURLToPath(new URL("./sentences.tsv", import.meta.url));
const ONTOLOGY = fileURLToPath(new URL("../../data/ontology/cameo.tsv", import.meta.url));

const STATUSES = ["asserted", "negated", "hypothetical", "future", "conditional", "reported_claim"] as const;
const ACTOR = /^(?:[A-Z]{3})(?:[A-Z]{3})*$/;

interface Row {
  readonly line: number;
  readonly date: string;
  readonly code: string;
  readonly source: string;
  readonly target: string;
  readonly status: string;
  readonly sentence: string;
}

function readSet(): { rows: Row[]; bad: string[] } {
  const rows: Row[] = [];
  const bad: string[] = [];
  readFileSync(SET, "utf8")
    .split("\n")
    .forEach((text, i) => {
      if (!text.trim() || text.startsWith("#")) return;
      const cells = text.split("\t");
      if (cells.length !== 6) {
        bad.push(`line ${i + 1}: ${cells.length} columns`);
        return;
      }
      const [date, code, source, target, status, sentence] = cells as [
        string,
        string,
        string,
        string,
        string,
        string,
      ];
      rows.push({ line: i + 1, date, code, source, target, status, sentence });
    });
  return { rows, bad };
}

const { rows, bad } = readSet();
const cameoCodes = new Set(
  readFileSync(ONTOLOGY, "utf8")
    .split("\n")
    .slice(1)
    .map((l) => l.split("\t")[0])
    .filter((c): c is string => !!c),
);
const events = rows.filter((r) => r.code !== "-");
const traps = rows.filter((r) => r.code === "-");

test("every line has exactly six tab-separated columns", () => {
  assert.deepEqual(bad, []);
  assert.ok(rows.length >= 200, `${rows.length} cases`);
});

test("each column holds a well-formed value", () => {
  const problems: string[] = [];
  for (const r of rows) {
    if (r.date !== "-" && !/^(20[0-2]\d)-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/.test(r.date))
      problems.push(`line ${r.line}: date ${r.date}`);
    if (r.code !== "-" && (!cameoCodes.has(r.code) || r.code.length > 3))
      problems.push(`line ${r.line}: code ${r.code}`);
    for (const a of [r.source, r.target])
      if (a !== "-" && !ACTOR.test(a)) problems.push(`line ${r.line}: actor ${a}`);
    if (!(STATUSES as readonly string[]).includes(r.status))
      problems.push(`line ${r.line}: status ${r.status}`);
    if (r.sentence.trim() !== r.sentence || r.sentence.length < 10) problems.push(`line ${r.line}: sentence`);
  }
  assert.deepEqual(problems, []);
});

test("traps expect nothing: no actors, status asserted", () => {
  const wrong = traps.filter((r) => r.source !== "-" || r.target !== "-" || r.status !== "asserted");
  assert.deepEqual(
    wrong.map((r) => r.line),
    [],
  );
});

test("a sentence on several lines keeps one date and never repeats the same expected event", () => {
  const dates = new Map<string, string>();
  const seen = new Set<string>();
  const problems: string[] = [];
  for (const r of rows) {
    const d = dates.get(r.sentence);
    if (d !== undefined && d !== r.date) problems.push(`line ${r.line}: date ${r.date} ≠ ${d}`);
    dates.set(r.sentence, r.date);
    const key = [r.sentence, r.code, r.source.slice(0, 3), r.target.slice(0, 3)].join("|");
    if (seen.has(key)) problems.push(`line ${r.line}: duplicate expectation`);
    seen.add(key);
  }
  assert.deepEqual(problems, []);
});

test("coverage: every CAMEO root, every modality, enough traps", () => {
  const perRoot = new Map<string, number>();
  for (const r of events) perRoot.set(r.code.slice(0, 2), (perRoot.get(r.code.slice(0, 2)) ?? 0) + 1);
  for (let i = 1; i <= 20; i++) {
    const root = String(i).padStart(2, "0");
    assert.ok((perRoot.get(root) ?? 0) >= 5, `root ${root}: ${perRoot.get(root) ?? 0} cases`);
  }
  for (const status of STATUSES.filter((s) => s !== "asserted")) {
    const n = events.filter((r) => r.status === status).length;
    assert.ok(n >= 15, `${status}: ${n} cases`);
  }
  assert.ok(traps.length >= 30, `${traps.length} traps`);
});
