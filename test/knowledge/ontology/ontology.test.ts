import assert from "node:assert/strict";
import { test } from "node:test";
import { loadOntology, parseOntology } from "../../../src/knowledge/ontology/index.js";
import { DyadError } from "../../../src/types/errors.js";

const HEADER = "code\troot\tlevel\tquad\tgoldstein\tplover_type\tplover_mode\tplover_context\tname";

test("every CAMEO code is loaded, roots included, in file order", () => {
  const codes = loadOntology().codes();
  assert.equal(codes.length, 318);
  assert.equal(codes[0]?.code, "01");
  assert.equal(codes.filter((c) => c.code.length === 2).length, 20);
});

test("cameo() gives root, quad, Goldstein and name", () => {
  const o = loadOntology();
  assert.deepEqual(o.cameo("190"), {
    code: "190",
    root: "19",
    name: "Use conventional military force, not specified below",
    quad: 4,
    goldstein: -8,
  });
  assert.equal(o.cameo("0312")?.quad, 1);
  assert.equal(o.cameo("0699"), undefined);
});

test("plover() maps codes to PLOVER type, mode and context", () => {
  const o = loadOntology();
  assert.deepEqual(o.plover("1831"), { type: "ASSAULT", mode: "suicide-attack", context: null });
  assert.deepEqual(o.plover("0312"), { type: "AGREE", mode: null, context: "military" });
  assert.deepEqual(o.plover("1124"), { type: "ACCUSE", mode: "allege", context: "military; legal" });
});

test("plover() has a null type for public statements (root 01) and is null for unknown codes", () => {
  const o = loadOntology();
  assert.deepEqual(o.plover("010"), { type: null, mode: null, context: null });
  assert.deepEqual(o.plover("016"), { type: null, mode: null, context: null });
  assert.equal(o.plover("9999"), null);
});

test("loadOntology() is cached", () => {
  assert.equal(loadOntology(), loadOntology());
});

test("bad ontology rows are reported with file and line", () => {
  const cases: Array<[string, string, RegExp]> = [
    ["quad out of range", `${HEADER}\n01\t01\t0\t1\t0\t\t\t\tA\n010\t01\t1\t7\t0\t\t\t\tB`, /x\.tsv:3: quad/],
    [
      "code not under root",
      `${HEADER}\n020\t01\t1\t1\t0\t\t\t\tB`,
      /x\.tsv:2: code does not start with its root/,
    ],
    ["letters in code", `${HEADER}\n0a\t01\t0\t1\t0\t\t\t\tB`, /x\.tsv:2: code/],
    [
      "duplicate",
      `${HEADER}\n01\t01\t0\t1\t0\t\t\t\tA\n01\t01\t0\t1\t0\t\t\t\tA`,
      /x\.tsv:3: duplicate code '01'/,
    ],
    ["wrong header", "code\tname\n01\tA", /x\.tsv:1: header/],
  ];
  for (const [label, text, message] of cases) {
    assert.throws(
      () => parseOntology(text, "x.tsv"),
      (e: unknown) => e instanceof DyadError && e.code === "KNOWLEDGE_INVALID" && message.test(e.message),
      label,
    );
  }
});
