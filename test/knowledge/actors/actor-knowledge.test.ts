import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import {
  ACTOR_DATA_DIR,
  buildActorKnowledge,
  formatProblem,
  loadActorKnowledge,
  parseActorFile,
  phraseWords,
  splitActorCode,
} from "../../../src/knowledge/actors/index.js";
import { DyadError } from "../../../src/types/errors.js";

test("the shipped actor files load without a single problem", () => {
  const { problems, knowledge } = buildActorKnowledge([ACTOR_DATA_DIR]);
  assert.deepEqual(problems.map(formatProblem), []);
  const c = knowledge.counts;
  assert.ok(c.countries! >= 240, `countries: ${c.countries}`);
  assert.ok(c.people! >= 800, `people: ${c.people}`);
  assert.ok(c.igos! >= 60, `igos: ${c.igos}`);
  assert.ok(c.groups! >= 60, `groups: ${c.groups}`);
  assert.ok(c.agents! >= 250, `agents: ${c.agents}`);
});

test("the default knowledge is compiled once per process", () => {
  assert.equal(loadActorKnowledge(), loadActorKnowledge());
});

test("at least 60 countries have a head of state or government on file for 2000–2026", () => {
  const k = loadActorKnowledge();
  const countries = new Set<string>();
  for (const e of k.entities) {
    if (e.kind !== "person") continue;
    for (const t of e.terms) {
      const heads = [
        "president",
        "prime minister",
        "chancellor",
        "king",
        "queen",
        "emir",
        "sultan",
        "supreme leader",
        "leader",
      ];
      if (t.role && heads.includes(t.role) && (!t.to || t.to > "2000-01-01") && t.code.endsWith("GOV"))
        countries.add(t.code.slice(0, 3));
    }
  }
  assert.ok(countries.size >= 60, `only ${countries.size}`);
});

test("a person's code on a date: office, former office, no date", () => {
  const k = loadActorKnowledge();
  const putin = k.entity("person:vladimir-putin")!;
  const table: Array<[string | null, string, string | null]> = [
    ["1998-01-01", "RUSELI", null],
    ["2005-01-01", "RUSGOV", "president"],
    ["2010-01-01", "RUSGOV", "prime minister"],
    ["2024-01-01", "RUSGOV", "president"],
    [null, "RUSGOV", "president"],
  ];
  for (const [date, code, role] of table) {
    const c = k.codeAt(putin, date);
    assert.equal(c.code, code, `${date}: ${c.why}`);
    assert.equal(c.term?.role ?? null, role, `${date}`);
  }
});

test("the holder of an office on a date", () => {
  const k = loadActorKnowledge();
  const holder = (base: string, role: string, date: string) =>
    k.officeHolders(base, role, date)[0]?.entity.name ?? null;
  assert.equal(holder("USA", "president", "2019-06-01"), "Donald Trump");
  assert.equal(holder("USA", "president", "2023-06-01"), "Joe Biden");
  assert.equal(holder("GBR", "prime minister", "2022-10-01"), "Liz Truss");
  assert.equal(holder("USA", "foreign minister", "2025-03-01"), "Marco Rubio");
  assert.equal(holder("IGOUNO", "secretary-general", "2010-01-01"), "Ban Ki-moon");
  assert.equal(k.leaderOf("DEU", "2024-01-01")?.entity.name, "Olaf Scholz");
  assert.equal(k.leaderOf("IRN", "2024-01-01")?.entity.name, "Ali Khamenei");
});

test("groups change code with the date (Taliban before and after August 2021)", () => {
  const k = loadActorKnowledge();
  const taliban = k.entity("group:taliban")!;
  assert.equal(k.codeAt(taliban, "2021-08-14").code, "AFGREB");
  assert.equal(k.codeAt(taliban, "2021-08-15").code, "AFGGOV");
  assert.equal(k.codeAt(taliban, "1999-01-01").code, "AFGGOV");
});

test("lookups respect capitals: US is the country, us is not", () => {
  const k = loadActorKnowledge();
  assert.ok(k.lookup("US").some((t) => t.type === "entity"));
  assert.deepEqual(k.lookup("us"), []);
  assert.ok(k.lookup("Chad").length > 0);
  assert.deepEqual(k.lookup("chad"), []);
  assert.ok(k.lookup("Kim Jong-un").length > 0 && k.lookup("Kim Jong Un").length > 0, "hyphens are optional");
  assert.ok(k.lookup("Erdoğan").length > 0 && k.lookup("Erdogan").length > 0, "accents are ignored");
  assert.ok(k.lookup("troops").some((t) => t.type === "agent"));
  assert.ok(k.lookup("Washington Post").every((t) => t.type === "block"));
});

test("codes split into country and sector", () => {
  assert.deepEqual(splitActorCode("RUSGOV"), { country: "RUS", sector: "GOV" });
  assert.deepEqual(splitActorCode("USA"), { country: "USA", sector: null });
  assert.deepEqual(splitActorCode("IGOUNO"), { country: "IGO", sector: null });
  assert.deepEqual(splitActorCode("IGOUNOMIL"), { country: "IGO", sector: "MIL" });
  assert.deepEqual(splitActorCode("---GOV"), { country: null, sector: "GOV" });
});

test("phrase words: possessives split, dots and hyphens fold, punctuation stops", () => {
  const w = phraseWords("Russia's U.S.-led coalition, al-Qaeda");
  assert.deepEqual(
    w.map((x) => x.key),
    ["russia", "'s", "us", "led", "coalition", ",", "al", "qaeda"],
  );
  assert.equal(w[3]!.joined, true);
  assert.equal(w[5]!.punct, true);
  assert.deepEqual(
    phraseWords("the countries' ties").map((x) => x.key),
    ["the", "countries", "'s", "ties"],
  );
});

// Validation: every bad line is reported with its file and line, and the loader refuses the set.
const bad: Array<[label: string, file: string, text: string, line: number, reason: RegExp]> = [
  ["unknown header", "x.tsv", "name\tcode\nRussia\tRUS\n", 1, /unknown header/],
  [
    "bad date",
    "p.tsv",
    "id\tname\taliases\tgender\tcode\trole\tfrom\tto\nx\tX Y\t\tm\tUSAGOV\tpresident\t2020-13-01\t\n",
    2,
    /from '2020-13-01'/,
  ],
  [
    "end before start",
    "p.tsv",
    "id\tname\taliases\tgender\tcode\trole\tfrom\tto\nx\tX Y\t\tm\tUSAGOV\tpresident\t2020-01-01\t2019-01-01\n",
    2,
    /is not after/,
  ],
  [
    "bad code",
    "g.tsv",
    "id\tkind\tname\taliases\tcode\tfrom\tto\tnote\nx\tgroup\tX\t\tRUSS\t\t\t\n",
    2,
    /not an actor code/,
  ],
  ["too many columns", "m.tsv", "phrase\tcode\tnote\nMoscow\tRUSGOV\tcapital\textra\n", 2, /4 columns/],
  [
    "bad sector",
    "a.tsv",
    "singular\tplural\tsector\trole\tflags\tnote\nsoldier\tsoldiers\tmil\t\t\t\n",
    2,
    /sector/,
  ],
  [
    "unknown flag",
    "a.tsv",
    "singular\tplural\tsector\trole\tflags\tnote\nsoldier\tsoldiers\tMIL\t\tbrave\t\n",
    2,
    /flags/,
  ],
  [
    "bad homeland of a community",
    "e.tsv",
    "name\tforms\thomeland\tnote\nKurds\tKurd|Kurds\tkurdistan\t\n",
    2,
    /homeland/,
  ],
  ["a community with no forms", "e.tsv", "name\tforms\thomeland\tnote\nKurds\t\t-\t\n", 2, /no forms/],
];

for (const [label, file, text, line, reason] of bad) {
  test(`validation reports file:line — ${label}`, () => {
    const { problems } = parseActorFile(text, file);
    assert.equal(problems.length, 1, problems.map(formatProblem).join("\n"));
    assert.equal(problems[0]!.file, file);
    assert.equal(problems[0]!.line, line);
    assert.match(problems[0]!.reason, reason);
  });
}

test("cross-file checks: an unknown role and a name that differs between lines", () => {
  const dir = mkdtempSync(join(tmpdir(), "dyad-actors-"));
  try {
    writeFileSync(
      join(dir, "people.tsv"),
      "# test people\nid\tname\taliases\tgender\tcode\trole\tfrom\tto\n" +
        "ana-lima\tAna Lima\t\tf\tBRAGOV\tpresident\t2030-01-01\t\n" +
        "ana-lima\tAnna Lima\t\t\tBRAGOV\tstarship captain\t2034-01-01\t\n",
    );
    const { problems } = buildActorKnowledge([ACTOR_DATA_DIR, dir]);
    const shown = problems.map(formatProblem);
    assert.equal(problems.length, 2, shown.join("\n"));
    assert.ok(
      shown.every((p) => /people\.tsv:4: /.test(p)),
      shown.join("\n"),
    );
    assert.ok(shown.some((p) => /role 'starship captain'/.test(p)));
    assert.ok(shown.some((p) => /name 'Anna Lima' differs/.test(p)));
    assert.throws(
      () => loadActorKnowledge({ extraDirs: [dir] }),
      (e: unknown) =>
        e instanceof DyadError && e.code === "KNOWLEDGE_INVALID" && /people\.tsv:4: /.test(e.message),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("extra folders add actors: a new leader is one line", () => {
  const dir = mkdtempSync(join(tmpdir(), "dyad-actors-"));
  try {
    writeFileSync(
      join(dir, "mine.tsv"),
      "id\tname\taliases\tgender\tcode\trole\tfrom\tto\nana-lima\tAna Lima\tLima\tf\tBRAGOV\tpresident\t2031-01-01\t\n",
    );
    const k = loadActorKnowledge({ extraDirs: [dir] });
    const ana = k.entity("person:ana-lima")!;
    assert.equal(k.codeAt(ana, "2031-06-01").code, "BRAGOV");
    assert.equal(k.officeHolders("BRA", "president", "2031-06-01")[0]?.entity.name, "Ana Lima");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("a community file adds communities: every form names it, its homeland is its country", () => {
  const dir = mkdtempSync(join(tmpdir(), "dyad-actors-"));
  try {
    writeFileSync(
      join(dir, "peoples.tsv"),
      "name\tforms\thomeland\tnote\nVoltani\tVoltan|Voltani\tMDA\tinvented\nOrsk\tOrsk|Orskish\t-\tinvented\n",
    );
    const k = loadActorKnowledge({ extraDirs: [dir] });
    const [t] = k.lookup("Voltani");
    assert.equal(t?.type, "ethnic");
    if (t?.type === "ethnic") assert.equal(k.ethnicGroups[t.group]!.homeland, "MDA");
    const [u] = k.lookup("Orskish");
    if (u?.type !== "ethnic") assert.fail("Orskish is not a community");
    assert.equal(k.ethnicGroups[u.group]!.homeland, null);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("a community's homeland must be a known country", () => {
  const dir = mkdtempSync(join(tmpdir(), "dyad-actors-"));
  try {
    writeFileSync(join(dir, "peoples.tsv"), "name\tforms\thomeland\tnote\nVoltani\tVoltani\tQQQ\t\n");
    const { problems } = buildActorKnowledge([ACTOR_DATA_DIR, dir]);
    assert.ok(problems.some((p) => /peoples\.tsv:2: homeland 'QQQ'/.test(formatProblem(p))));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
