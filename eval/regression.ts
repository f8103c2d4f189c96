import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { codeText, loadKnowledge } from "../src/pipeline/index.js";
import type { EventRecord, ModalityStatus } from "../src/types/event.js";
import { actorKey } from "./sets.js";

/**
 * Our own regression set (test/regression/sentences.tsv, written in our own words): each line names the event a
 * careful coder would produce — or `-` for a trap that must yield no asserted event — with its modality.
 * Scores: event recall (an event with the expected code prefix, source and target countries), modality accuracy
 * on the events found, and trap precision (traps without any asserted event).
 */
export interface RegressionCase {
  readonly line: number;
  readonly date: string | null;
  readonly code: string; // "-" for traps
  readonly source: string;
  readonly target: string;
  readonly status: ModalityStatus;
  readonly text: string;
}

export const REGRESSION_FILE = fileURLToPath(new URL("../test/regression/sentences.tsv", import.meta.url));

export function readRegression(path = REGRESSION_FILE): RegressionCase[] {
  const out: RegressionCase[] = [];
  readFileSync(path, "utf8")
    .split("\n")
    .forEach((l, i) => {
      if (!l.trim() || l.startsWith("#")) return;
      const [date, code, source, target, status, text] = l.split("\t");
      if (!text) throw new Error(`${path}:${i + 1}: expected 6 tab-separated columns`);
      out.push({
        line: i + 1,
        date: date === "-" ? null : date!,
        code: code!,
        source: source!,
        target: target!,
        status: status as ModalityStatus,
        text,
      });
    });
  return out;
}

export function matchCase(c: RegressionCase, events: readonly EventRecord[]): EventRecord | undefined {
  return events.find(
    (e) =>
      e.cameo.code.startsWith(c.code) &&
      (c.source === "-" || actorKey(e.source.code) === actorKey(c.source)) &&
      (c.target === "-" || actorKey(e.target?.code) === actorKey(c.target)),
  );
}

export function scoreRegression() {
  const knowledge = loadKnowledge();
  const cases = readRegression();
  const perStatus: Record<string, { cases: number; found: number; statusRight: number }> = {};
  let events = 0;
  let found = 0;
  let statusRight = 0;
  let traps = 0;
  let trapsClean = 0;
  const failures: string[] = [];
  for (const c of cases) {
    const out = codeText(c.text, { date: c.date, knowledge }).events;
    if (c.code === "-") {
      traps++;
      const asserted = out.filter((e) => e.modality.status === "asserted");
      if (!asserted.length) trapsClean++;
      else
        failures.push(`line ${c.line} trap coded ${asserted.map((e) => e.cameo.code).join(",")}: ${c.text}`);
      continue;
    }
    events++;
    const s = perStatus[c.status] ?? { cases: 0, found: 0, statusRight: 0 };
    perStatus[c.status] = s;
    s.cases++;
    const e = matchCase(c, out);
    if (!e) {
      failures.push(
        `line ${c.line} missed ${c.source}-${c.code}-${c.target}: ${c.text}  [got ${out.map((x) => `${x.source.code}-${x.cameo.code}-${x.target?.code ?? ""}/${x.modality.status}`).join(" ")}]`,
      );
      continue;
    }
    found++;
    s.found++;
    if (e.modality.status === c.status) {
      statusRight++;
      s.statusRight++;
    } else
      failures.push(
        `line ${c.line} status ${e.modality.status} (cues ${e.modality.cues.join(",")}) ≠ ${c.status}: ${c.text}`,
      );
  }
  if (process.argv.includes("--verbose")) console.error(failures.join("\n"));
  const r = (a: number, b: number) => (b ? Math.round((a / b) * 1000) / 1000 : null);
  return {
    set: "regression (ours)",
    cases: cases.length,
    eventRecall: r(found, events),
    modalityAccuracy: r(statusRight, found),
    trapPrecision: r(trapsClean, traps),
    traps,
    perStatus,
  };
}
