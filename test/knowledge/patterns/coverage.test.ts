import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import { loadOntology } from "../../../src/knowledge/ontology/index.js";
import { loadPatterns } from "../../../src/knowledge/patterns/index.js";

// ../shared sits beside the repository (read-only reference data, present in CI).
const EXAMPLES = fileURLToPath(
  new URL("../../../../shared/eval/cameo_codebook/cameo_examples.jsonl", import.meta.url),
);

test("every CAMEO code with an example in the codebook is reachable by a pattern", {
  skip: existsSync(EXAMPLES) ? false : `missing ${EXAMPLES}`,
}, () => {
  const exampleCodes = new Set(
    readFileSync(EXAMPLES, "utf8")
      .split("\n")
      .filter((l) => l.trim() !== "")
      .map((l) => (JSON.parse(l) as { code: string }).code),
  );
  assert.ok(exampleCodes.size > 250, `only ${exampleCodes.size} example codes read`);
  const reachable = new Set(loadPatterns().patterns.map((p) => p.code));
  const missing = [...exampleCodes].filter((c) => !reachable.has(c)).sort();
  assert.deepEqual(missing, []);
});

test("every 3- and 4-digit CAMEO code has a pattern except the duplicate 1883", () => {
  const reachable = new Set(loadPatterns().patterns.map((p) => p.code));
  const missing = loadOntology()
    .codes()
    .filter((c) => c.code.length > 2 && !reachable.has(c.code))
    .map((c) => c.code);
  assert.deepEqual(missing, ["1883"]);
});
