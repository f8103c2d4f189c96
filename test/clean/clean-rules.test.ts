import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import {
  type CleanRuleSources,
  cleanArticle,
  compileCleanRules,
  defaultCleanRules,
} from "../../src/clean/index.js";
import { DyadError } from "../../src/types/index.js";

const DIR = "data/clean";
const real: CleanRuleSources = {
  macros: readFileSync(`${DIR}/macros.tsv`, "utf8"),
  agencies: readFileSync(`${DIR}/photo-agencies.txt`, "utf8"),
  spanRules: readFileSync(`${DIR}/span-rules.tsv`, "utf8"),
  lineRules: readFileSync(`${DIR}/line-rules.tsv`, "utf8"),
};

test("the shipped rules load, with unique ids", () => {
  const rules = defaultCleanRules();
  assert.ok(rules.spanRules.length >= 10);
  assert.ok(rules.lineRules.length >= 10);
  const ids = [...rules.spanRules, ...rules.lineRules].map((r) => r.id);
  assert.equal(new Set(ids).size, ids.length);
});

test("every rule removes its own example, standing between two story paragraphs", () => {
  const rules = defaultCleanRules();
  for (const rule of [...rules.spanRules, ...rules.lineRules]) {
    const raw = `The delegates met in Oslo.\n\n${rule.example}\n\nThey will meet again in June.`;
    const clean = cleanArticle({
      id: "r",
      url: null,
      published: null,
      title: null,
      rawText: raw,
      source: "t",
      bodyStart: 0,
    });
    assert.ok(clean.text.startsWith("The delegates met in Oslo.\n\n"), rule.id);
    assert.ok(clean.text.endsWith("\n\nThey will meet again in June."), rule.id);
    assert.ok(clean.removed.length > 0, `${rule.id} removed something`);
    assert.ok(
      clean.text.length < raw.length - rule.example.length / 3,
      `${rule.id} removed most of its example`,
    );
  }
});

const broken: [label: string, change: Partial<CleanRuleSources>, message: RegExp][] = [
  [
    "unknown action",
    { spanRules: "x-rule\tdelete\t-\tfoo\tfoo" },
    /span-rules\.tsv:1: action must be one of/,
  ],
  ["bad flags", { lineRules: "x-rule\tline\tgi\tfoo\tfoo" }, /line-rules\.tsv:1: flags must be "i" or "-"/],
  [
    "too few columns",
    { spanRules: "x-rule\tspan\t-\tfoo" },
    /span-rules\.tsv:1: expected 5 or 6 tab-separated columns/,
  ],
  ["bad id", { spanRules: "X Rule\tspan\t-\tfoo\tfoo" }, /id must be kebab-case/],
  ["regex that does not compile", { spanRules: "x-rule\tspan\t-\t(foo\t(foo" }, /pattern does not compile/],
  ["unknown macro", { spanRules: "x-rule\tspan\t-\t{NOPE}\tfoo" }, /unknown macro \{NOPE\}/],
  ["empty match", { spanRules: "x-rule\tspan\t-\tfoo|\tfoo" }, /matches the empty string/],
  [
    "example not removed",
    { spanRules: "x-rule\tspan\t-\tfoo\tbar" },
    /rule "x-rule" does not remove its example "bar"/,
  ],
  [
    "caption-repeat without a group",
    { spanRules: "x-rule\tcaption-repeat\t-\tless more\tless more" },
    /needs exactly one capturing group/,
  ],
  [
    "words rule without key word",
    { lineRules: "x-words\twords\ti\tshare this\tshare this" },
    /at least one \*key word/,
  ],
  [
    "duplicate id across files",
    { spanRules: "dup\tspan\t-\tfoo\tfoo", lineRules: "dup\tline\t-\tbar\tbar" },
    /line-rules\.tsv:1: duplicate rule id "dup"/,
  ],
  ["bad macro name", { macros: "lower\tfoo" }, /macros\.tsv:1: macro name "lower" must be UPPER_CASE/],
];

for (const [label, change, message] of broken) {
  test(`invalid rules are reported with file and line: ${label}`, () => {
    const sources = { ...real, spanRules: "", lineRules: "", ...change };
    assert.throws(
      () => compileCleanRules(sources),
      (error: unknown) => {
        assert.ok(error instanceof DyadError);
        assert.equal(error.code, "KNOWLEDGE_INVALID");
        assert.match(error.message, /^dyad: invalid cleaning rules/);
        assert.match(error.message, message);
        return true;
      },
    );
  });
}

test("comments and blank lines are ignored; a note column is optional", () => {
  const rules = compileCleanRules({
    ...real,
    spanRules: "# comment\n\nx-rule\tspan\ti\tfoo\tFOO\ta note\n",
    lineRules: "y-rule\tline\t-\tbar\tbar\n",
  });
  assert.deepEqual(
    rules.spanRules.map((r) => r.id),
    ["x-rule"],
  );
  assert.deepEqual(
    rules.lineRules.map((r) => r.id),
    ["y-rule"],
  );
});
