import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { Command } from "commander";
import { parquetReadObjects } from "hyparquet";
import { register } from "../../src/cli/commands/export.js";
import { type SampleStore, sampleStore } from "../server/sample-store.js";
import { readCsvObjects } from "./csv-table.js";

let sample: SampleStore;
let dir: string;
before(async () => {
  sample = await sampleStore();
  dir = mkdtempSync(join(tmpdir(), "dyad-export-cli-"));
});
after(async () => {
  await sample.dispose();
  rmSync(dir, { recursive: true, force: true });
});

async function run(args: string[]): Promise<{ code: number; stderr: string }> {
  const program = new Command().exitOverride();
  register(program);
  let stderr = "";
  const write = process.stderr.write.bind(process.stderr);
  process.stderr.write = ((chunk: string) => {
    stderr += chunk;
    return true;
  }) as typeof process.stderr.write;
  const before = process.exitCode;
  try {
    await program.parseAsync(["export", ...args], { from: "user" });
    return { code: Number(process.exitCode ?? 0), stderr };
  } finally {
    process.stderr.write = write;
    process.exitCode = before;
  }
}

test("dyad export: every format from the store, filtered", async () => {
  const cases: [string, string[], (file: string) => Promise<void> | void][] = [
    [
      "csv",
      ["--source", "RUS", "--target", "CHN", "--from", "2021-04-05", "--to", "2021-04-11"],
      (file) => {
        const { rows } = readCsvObjects(readFileSync(file, "utf8"));
        assert.equal(rows.length, 6);
        for (const r of rows) assert.ok(r.date! >= "2021-04-05" && r.source_code!.startsWith("RUS"));
      },
    ],
    [
      "jsonl",
      ["--status", "hypothetical"],
      (file) => {
        const lines = readFileSync(file, "utf8").trim().split("\n");
        assert.deepEqual(
          lines.map((l) => JSON.parse(l).id),
          ["ev-2"],
        );
      },
    ],
    [
      "parquet",
      ["--quad", "4"],
      async (file) => {
        const buf = readFileSync(file);
        const rows = (await parquetReadObjects({
          file: buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength),
        })) as {
          id: string;
        }[];
        assert.deepEqual(
          rows.map((r) => r.id),
          ["ev-4"],
        );
      },
    ],
    [
      "gdelt",
      ["--root", "11"],
      (file) => {
        const [header, row] = readFileSync(file, "utf8").trim().split("\n");
        const cells = row!.split("\t");
        const at = (name: string) => cells[header!.split("\t").indexOf(name)];
        assert.equal(at("EventCode"), "111");
        assert.equal(at("SOURCEURL"), "wire-2", "no URL: the article id");
      },
    ],
    [
      "plover",
      ["--q", "drills"],
      (file) => {
        const records = readFileSync(file, "utf8")
          .trim()
          .split("\n")
          .map((l) => JSON.parse(l));
        assert.ok(
          records.some((r) => r.event === "COOPERATE" && r.url === "https://example.org/news/drills"),
        );
      },
    ],
  ];
  for (const [format, filters, check] of cases) {
    const out = join(dir, `out.${format}`);
    const { code, stderr } = await run(["--db", sample.path, "--format", format, "--out", out, ...filters]);
    assert.equal(code, 0, stderr);
    assert.match(stderr, /event\(s\) exported/);
    await check(out);
  }
});

test("dyad export: bad filters and formats are usage errors", async () => {
  const cases: [string[], RegExp][] = [
    [["--format", "xml"], /unknown export format "xml"/],
    [["--quad", "9"], /--quad:/],
    [["--from", "2021-13-01"], /--from:/],
    [["--source", "R S"], /--source:/],
  ];
  for (const [args, message] of cases) {
    const { code, stderr } = await run(["--db", sample.path, "--out", join(dir, "x"), ...args]);
    assert.equal(code, 2, args.join(" "));
    assert.match(stderr, message);
  }
  const missing = await run(["--db", join(dir, "none.db"), "--out", join(dir, "x")]);
  assert.equal(missing.code, 1);
  assert.match(missing.stderr, /no database/);
});
