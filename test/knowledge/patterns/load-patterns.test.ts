import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import { loadOntology } from "../../../src/knowledge/ontology/index.js";
import { insideNotEvent, loadPatterns } from "../../../src/knowledge/patterns/index.js";
import { DyadError } from "../../../src/types/errors.js";

const scratch = mkdtempSync(join(tmpdir(), "dyad-patterns-"));
after(() => rmSync(scratch, { recursive: true, force: true }));
let n = 0;

/** Writes files into a fresh folder and returns it. */
function folder(files: Record<string, string>): string {
  const dir = join(scratch, `case${n++}`);
  mkdirSync(dir);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

function rejects(files: Record<string, string>, message: RegExp, label: string): void {
  const dir = folder(files);
  assert.throws(
    () => loadPatterns({ dirs: [dir] }),
    (e: unknown) => e instanceof DyadError && e.code === "KNOWLEDGE_INVALID" && message.test(e.message),
    label,
  );
}

test("a valid file loads and compiles into head and noun maps", () => {
  const dir = folder({
    "06-material.tsv": [
      "# comment",
      "",
      "062\tverb\thold * war game\treciprocal\t# joint drills",
      "062\tnoun\tjoint exercise|drill\treciprocal",
      "061\tverb\ttrade with {T}\tpolitical,reciprocal",
      "060\tverb\thold\t-\t# too general, for the test only",
    ].join("\n"),
  });
  const idx = loadPatterns({ dirs: [dir] });
  assert.equal(idx.patterns.length, 4);
  const hold = idx.byHead.get("hold") ?? [];
  assert.deepEqual(
    hold.map((p) => p.code),
    ["062", "060"],
  );
  const first = hold[0]!;
  assert.equal(first.id, "verb:06/062 hold * war game");
  assert.equal(first.line, 3);
  assert.ok(first.file.endsWith("06-material.tsv"));
  assert.deepEqual(first.flags, {
    reciprocal: true,
    notarget: false,
    passiveOk: false,
    political: false,
    inverse: false,
  });
  assert.deepEqual(first.words, [
    { kind: "word", lemmas: ["hold"] },
    { kind: "gap" },
    { kind: "word", lemmas: ["war"] },
    { kind: "word", lemmas: ["game"] },
  ]);
  // noun triggers are keyed by their first word only
  assert.equal(idx.nounFirst.get("joint")?.[0]?.text, "joint exercise|drill");
  assert.equal(idx.nounFirst.get("exercise"), undefined);
  assert.equal(idx.byHead.get("trade")?.[0]?.flags.political, true);
});

test("invalid lines are reported as file:line: reason", () => {
  const cases: Array<[string, string, RegExp]> = [
    [
      "unknown code",
      "062\tverb\thold * war game\n0699\tverb\tcooperate",
      /06-x\.tsv:2: unknown CAMEO code '0699'/,
    ],
    [
      "code outside the file's root",
      "# c\n0312\tverb\tagree to drill",
      /06-x\.tsv:2: code '0312' is not under root 06/,
    ],
    ["bad kind", "062\tadjective\tjoint", /06-x\.tsv:1: unknown kind 'adjective' \(verb or noun\)/],
    ["empty pattern", "062\tverb\t ", /06-x\.tsv:1: empty pattern/],
    ["missing columns", "062\tverb", /06-x\.tsv:1: expected 'code<TAB>kind<TAB>pattern/],
    ["uppercase lemma", "062\tverb\tHold drill", /06-x\.tsv:1: bad word 'Hold'/],
    ["pattern starting with a slot", "062\tverb\t{T} drill", /06-x\.tsv:1: pattern must start with a word/],
    ["trailing star", "062\tverb\thold *", /06-x\.tsv:1: pattern must not end with \*/],
    [
      "star beside the slot",
      "062\tverb\thold * {T}",
      /06-x\.tsv:1: \* and \{T\} must be separated by a word/,
    ],
    ["two slots", "062\tverb\tdrill with {T} and {T}", /06-x\.tsv:1: more than one \{T\} slot/],
    ["unknown flag", "062\tverb\tdrill\tloud", /06-x\.tsv:1: unknown flag 'loud'/],
    [
      "notarget with a slot",
      "062\tverb\tdrill with {T}\tnotarget",
      /06-x\.tsv:1: a notarget pattern cannot have/,
    ],
    ["repeated alternative", "062\tverb\tdrill|drill", /06-x\.tsv:1: repeated alternative/],
    [
      "inverse without a slot",
      "062\tverb\treceive drill\tinverse",
      /06-x\.tsv:1: an inverse pattern needs a \{T\} slot/,
    ],
  ];
  for (const [label, text, message] of cases) rejects({ "06-x.tsv": text }, message, label);
});

test("file names must be NN-name.tsv with a CAMEO root", () => {
  rejects(
    { "material.tsv": "062\tverb\tdrill" },
    /material\.tsv:0: file name must be 'NN-name\.tsv'/,
    "no root",
  );
  rejects({ "21-extra.tsv": "062\tverb\tdrill" }, /21-extra\.tsv:0: file name/, "root out of range");
});

test("duplicates are rejected across files, alternatives in any order", () => {
  rejects(
    {
      "04-a.tsv": "040\tverb\tmeet with {T}\n",
      "05-b.tsv": "# x\n050\tverb\tmeet with {T}\n",
    },
    /05-b\.tsv:2: duplicate of .*04-a\.tsv:1/,
    "same pattern in two files",
  );
  rejects(
    { "04-a.tsv": "040\tverb\thold talk|meeting\n046\tverb\thold meeting|talk\n" },
    /04-a\.tsv:2: duplicate of .*04-a\.tsv:1 \('hold meeting\|talk' → 040\)/,
    "alternatives reordered",
  );
});

test("every problem is listed, not only the first", () => {
  const dir = folder({ "06-x.tsv": "0699\tverb\ta\n062\tverbs\tb\n062\tverb\t\n" });
  assert.throws(
    () => loadPatterns({ dirs: [dir] }),
    (e: unknown) =>
      e instanceof DyadError && /:1: /.test(e.message) && /:2: /.test(e.message) && /:3: /.test(e.message),
  );
});

test("not-events.tsv phrases cover the tokens they span", () => {
  const dir = folder({
    "19-fight.tsv": "190\tnoun\tattack on {T}\n",
    "not-events.tsv": "# figurative\nheart|panic attack\t# medical\nstrike * chord\n",
  });
  const idx = loadPatterns({ dirs: [dir] });
  const lemmas = ["he", "have", "a", "heart", "attack", "after", "the", "attack", "on", "kyiv"];
  const pos = ["PRON", "AUX", "DET", "NOUN", "NOUN", "ADP", "DET", "NOUN", "ADP", "PROPN"];
  assert.equal(insideNotEvent(idx, lemmas, pos, 4), true);
  assert.equal(insideNotEvent(idx, lemmas, pos, 3), true);
  assert.equal(insideNotEvent(idx, lemmas, pos, 7), false);
  const chord = ["it", "strike", "a", "deep", "chord"];
  assert.equal(insideNotEvent(idx, chord, ["PRON", "VERB", "DET", "ADJ", "NOUN"], 1), true);
});

test("bad not-event phrases are reported", () => {
  rejects(
    { "not-events.tsv": "attack on {T}\n" },
    /not-events\.tsv:1: a not-event phrase has no \{T\}/,
    "slot",
  );
  rejects({ "not-events.tsv": "Heart attack\n" }, /not-events\.tsv:1: bad word 'Heart'/, "uppercase");
  rejects(
    { "not-events.tsv": "heart attack\n# x\nheart attack\n" },
    /not-events\.tsv:3: duplicate of/,
    "duplicate",
  );
});

test("a missing folder is a knowledge error", () => {
  assert.throws(() => loadPatterns({ dirs: [join(scratch, "nope")] }), /cannot read pattern folder/);
});

test("the knowledge base loads, is cached, and every code exists in the ontology", () => {
  const idx = loadPatterns();
  assert.equal(loadPatterns(), idx);
  assert.ok(idx.patterns.length >= 1000, `only ${idx.patterns.length} patterns`);
  const ontology = loadOntology();
  for (const p of idx.patterns) assert.ok(ontology.cameo(p.code), `${p.file}:${p.line}: ${p.code}`);
});

test("the knowledge base has no duplicate patterns and no identical ids", () => {
  const idx = loadPatterns();
  const ids = new Set(idx.patterns.map((p) => p.id));
  assert.equal(ids.size, idx.patterns.length);
  const keys = new Set(
    idx.patterns.map(
      (p) =>
        `${p.kind} ${p.words.map((w) => (w.kind === "word" ? [...w.lemmas].sort().join("|") : w.kind)).join(" ")}`,
    ),
  );
  assert.equal(keys.size, idx.patterns.length);
});

test("every CAMEO root 01-20 has verb patterns and lists are sorted most specific first", () => {
  const idx = loadPatterns();
  for (let r = 1; r <= 20; r++) {
    const root = String(r).padStart(2, "0");
    assert.ok(
      idx.patterns.some((p) => p.kind === "verb" && p.code.startsWith(root)),
      `root ${root} has no verb pattern`,
    );
  }
  for (const list of [...idx.byHead.values(), ...idx.nounFirst.values()]) {
    for (let i = 1; i < list.length; i++) assert.ok(list[i - 1]!.specificity >= list[i]!.specificity);
  }
});
