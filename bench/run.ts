/**
 * `npm run bench`: runs every section and prints a table; `--json` prints one JSON line instead (the ingest
 * section's figures at the top level, every other section's under its name); `--only <section>` runs one section;
 * `--quick` uses small inputs and one run; `--runs N` sets the repeats per measurement (median reported).
 *
 * A section is a module exporting a `BenchSection` (see bench-section.ts); add it to `SECTIONS` below.
 */
import Table from "cli-table3";
import { apiSection } from "./api.js";
import { type BenchReport, type BenchSection, scriptSection } from "./bench-section.js";
import { ingestSection } from "./ingest.js";
import { scalingSection } from "./scaling.js";

/** A standalone bench script as a section, with smaller inputs under `--quick`. */
function scripted(
  name: string,
  description: string,
  script: string,
  quickArgs: readonly string[],
): BenchSection {
  const url = new URL(script, import.meta.url);
  return {
    name,
    description,
    run: (options) => scriptSection(name, description, url, options.quick ? quickArgs : []).run(options),
  };
}

const SECTIONS: readonly BenchSection[] = [
  ingestSection,
  apiSection,
  scripted("actors", "actor knowledge load and mention speed", "./actors-load.ts", [
    "--runs",
    "2",
    "--articles",
    "100",
  ]),
  scripted("text", "annotation stage against wink-nlp alone", "./text-annotate.ts", ["--articles", "200"]),
  scalingSection,
];
/** The section whose figures form the top level of the JSON line. */
const TOP_LEVEL = "ingest";

function argValue(argv: readonly string[], flag: string): string | undefined {
  const at = argv.indexOf(flag);
  return at >= 0 ? argv[at + 1] : undefined;
}

const argv = process.argv.slice(2);
const json = argv.includes("--json");
const quick = argv.includes("--quick");
const only = argValue(argv, "--only");
const runs = Math.max(1, Number(argValue(argv, "--runs") ?? (quick ? 1 : 3)));

const chosen = only ? SECTIONS.filter((s) => s.name === only) : SECTIONS;
if (chosen.length === 0) {
  process.stderr.write(`bench: no section '${only}' (sections: ${SECTIONS.map((s) => s.name).join(", ")})\n`);
  process.exit(2);
}

const reports = new Map<string, BenchReport>();
for (const section of chosen) {
  process.stderr.write(`bench: ${section.name}: ${section.description}…\n`);
  const started = performance.now();
  reports.set(section.name, await section.run({ quick, runs }));
  process.stderr.write(
    `bench: ${section.name} done in ${((performance.now() - started) / 1000).toFixed(0)} s\n`,
  );
}

if (json) {
  const line: Record<string, unknown> = { ...(reports.get(TOP_LEVEL)?.figures ?? {}) };
  for (const [name, report] of reports) if (name !== TOP_LEVEL) line[name] = report.figures;
  process.stdout.write(`${JSON.stringify(line)}\n`);
} else {
  for (const [name, report] of reports) {
    const table = new Table({ head: [name, ""] });
    for (const [label, value] of report.rows) table.push([label, value]);
    process.stdout.write(`${table.toString()}\n`);
  }
}
