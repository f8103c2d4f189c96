/**
 * `npm run eval`: scores the coder on the external gold sets in ../shared/eval and on our own regression set.
 * Prints, per set and per CAMEO root, recall and precision; `--json` prints one JSON object instead.
 * Scoring is documented next to each set below; nothing here tunes the coder.
 */
import { codeText, loadKnowledge } from "../src/pipeline/index.js";
import type { EventRecord } from "../src/types/event.js";
import { scoreRegression } from "./regression.js";
import { actorKey, LEGACY_COUNTRY_CODES, PLOVER_05_TO_ROOTS, readJsonl, rootOf } from "./sets.js";

const json = process.argv.includes("--json");
const only = process.argv.includes("--only") ? process.argv[process.argv.indexOf("--only") + 1] : undefined;
const verbose = process.argv.includes("--verbose");
const knowledge = loadKnowledge();

function code(text: string, date: string | null): EventRecord[] {
  return [...codeText(text, { date, knowledge }).events];
}

interface RootTally {
  expected: number;
  found: number;
  produced: number;
  correct: number;
}
const tally = () => new Map<string, RootTally>();
function bump(t: Map<string, RootTally>, root: string, k: keyof RootTally): void {
  const r = t.get(root) ?? { expected: 0, found: 0, produced: 0, correct: 0 };
  r[k]++;
  t.set(root, r);
}
const ratio = (a: number, b: number) => (b ? Math.round((a / b) * 1000) / 1000 : null);

/**
 * plover_gsr_cameo — 322 real news leads hand-coded by the PLOVER team.
 * Record-level root recall: the record's root (its CAMEO manual code, else its PLOVER type's roots) is among the
 * roots dyad codes for the sentence (any modality). Root+actor recall: one event has that root, a source whose
 * country is among the gold sources' and, when gold has a target, a target among the gold targets'.
 * Precision: share of dyad's events whose root is the record's root (each record describes one event, so this
 * under-counts true extra events and is an estimate).
 */
function ploverGsr() {
  type Rec = {
    id: string;
    text: string;
    event: string;
    source: { code: string; sector?: string }[];
    target: { code: string }[];
    cameo_manual_links: { cameo_code: string }[] | null;
  };
  const rows = readJsonl<Rec>("plover_gsr_cameo/plover_gsr_cameo.jsonl");
  const perRoot = tally();
  let rootHit = 0;
  let actorHit = 0;
  let produced = 0;
  let correct = 0;
  const misses: string[] = [];
  for (const r of rows) {
    const linked = r.cameo_manual_links?.[0]?.cameo_code;
    const roots = linked ? [rootOf(linked)] : [...(PLOVER_05_TO_ROOTS[r.event] ?? [])];
    const events = code(r.text, "2000-01-01");
    // PLOVER codes actors as ISO3 or "IGO" with the organisation in the sector: compare the first three letters.
    // A few gold codes predate ISO-3166 (JAP, ITL, VTN) and the gold files NGOs under IGO: both are normalised.
    const key3 = (c: string | null | undefined) => {
      const k = (c ?? "").slice(0, 3).toUpperCase();
      return LEGACY_COUNTRY_CODES[k] ?? (k === "NGO" ? "IGO" : k);
    };
    const srcs = new Set(r.source.map((s) => key3(s.code)));
    const tgts = new Set(r.target.map((s) => key3(s.code)));
    for (const root of roots) bump(perRoot, root, "expected");
    const hit = events.some((e) => roots.includes(e.cameo.root));
    const aHit = events.some(
      (e) =>
        roots.includes(e.cameo.root) &&
        srcs.has(key3(e.source.code)) &&
        (tgts.size === 0 || (e.target !== null && tgts.has(key3(e.target.code)))),
    );
    if (hit) {
      rootHit++;
      bump(perRoot, roots[0]!, "found");
    } else if (verbose)
      misses.push(
        `${roots.join("/")} ${r.text}\n    got: ${events.map((e) => `${e.source.code}-${e.cameo.code}-${e.target?.code ?? ""}`).join(" ")}`,
      );
    if (aHit) actorHit++;
    else if (hit && verbose)
      misses.push(
        `ACTORS ${[...srcs].join(",")}>${[...tgts].join(",")} ${r.text}\n    got: ${events.map((e) => `${e.source.code}-${e.cameo.code}-${e.target?.code ?? ""}`).join(" ")}`,
      );
    for (const e of events) {
      produced++;
      bump(perRoot, e.cameo.root, "produced");
      if (roots.includes(e.cameo.root)) {
        correct++;
        bump(perRoot, e.cameo.root, "correct");
      }
    }
  }
  if (verbose) console.error(misses.join("\n"));
  return {
    set: "plover_gsr_cameo",
    records: rows.length,
    rootRecall: ratio(rootHit, rows.length),
    rootActorRecall: ratio(actorHit, rows.length),
    precision: ratio(correct, produced),
    eventsPerRecord: ratio(produced, rows.length),
    perRoot,
  };
}

/**
 * petr2_gsr_validation_afp — 78 real AFP sentences with PETRARCH-2's reviewed (silver) expected events.
 * Expected-event recall: an expected event is found when dyad codes an event with the same root, source country
 * and target country (3-letter prefix; organisation for IGO codes). Also root-only recall, and precision = share
 * of dyad's events matching an expected event; 12 records expect no event (any event there is a false positive).
 */
function petrAfp() {
  type Rec = {
    id: string;
    date: string;
    text: string;
    expected_events: { source: string; target: string; code: string }[];
  };
  const rows = readJsonl<Rec>("petr2_gsr_validation_afp/petr2_gsr_validation_records.jsonl");
  const perRoot = tally();
  let expected = 0;
  let found = 0;
  let foundRoot = 0;
  let produced = 0;
  let correct = 0;
  let falseOnEmpty = 0;
  for (const r of rows) {
    const date = /^(19|20)\d{6}$/.test(r.date)
      ? `${r.date.slice(0, 4)}-${r.date.slice(4, 6)}-${r.date.slice(6, 8)}`
      : null;
    const events = code(r.text, date);
    for (const x of r.expected_events) {
      expected++;
      bump(perRoot, rootOf(x.code), "expected");
      const ok = events.some(
        (e) =>
          e.cameo.root === rootOf(x.code) &&
          actorKey(e.source.code) === actorKey(x.source) &&
          actorKey(e.target?.code) === actorKey(x.target),
      );
      if (ok) {
        found++;
        bump(perRoot, rootOf(x.code), "found");
      }
      if (events.some((e) => e.cameo.root === rootOf(x.code))) foundRoot++;
    }
    if (!r.expected_events.length) falseOnEmpty += events.length;
    if (verbose) {
      const exp = r.expected_events.map((x) => `${x.source}-${x.code}-${x.target}`).join(" ");
      const got = events
        .map((e) => `${e.source.code}-${e.cameo.code}-${e.target?.code ?? ""}/${e.modality.status}`)
        .join(" ");
      console.error(`AFP ${r.id}\n  ${r.text}\n  expected: ${exp || "(none)"}\n  got:      ${got}`);
    }
    for (const e of events) {
      produced++;
      bump(perRoot, e.cameo.root, "produced");
      const ok = r.expected_events.some(
        (x) =>
          e.cameo.root === rootOf(x.code) &&
          actorKey(e.source.code) === actorKey(x.source) &&
          actorKey(e.target?.code) === actorKey(x.target),
      );
      if (ok) {
        correct++;
        bump(perRoot, e.cameo.root, "correct");
      }
    }
  }
  return {
    set: "petr2_gsr_validation_afp",
    records: rows.length,
    expectedEvents: expected,
    eventRecall: ratio(found, expected),
    rootRecall: ratio(foundRoot, expected),
    precision: ratio(correct, produced),
    eventsOnNoEventRecords: falseOnEmpty,
    perRoot,
  };
}

/**
 * conflibert_cameo_annotations — 200 real news sentences, each coded by 4 raters in the final round.
 * Record-level root-set F1: for one sentence, F1 between the set of roots dyad codes (asserted and reported
 * claims — what a rater would code) and the set a rater chose; 1 when both are empty. Averaged over sentences,
 * per rater, then over raters. The same scoring gives the raters' agreement with one another and an empty output.
 * Precision estimate: share of dyad's (asserted / reported) events whose root at least one rater (and at least two
 * raters) chose for the sentence — an event whose root no rater chose is counted as invented.
 */
function conflibert() {
  type Ann = {
    round: number;
    rater: number;
    relevant: boolean | null;
    actions: { cameo_root: string | null }[];
  };
  type Rec = { id: string; text: string; final_round: number; annotations: Ann[] };
  const rows = readJsonl<Rec>("conflibert_cameo_annotations/conflibert_cameo_annotations.jsonl");
  const f1 = (a: Set<string>, b: Set<string>) => {
    if (!a.size && !b.size) return 1;
    let inter = 0;
    for (const x of a) if (b.has(x)) inter++;
    return a.size + b.size ? (2 * inter) / (a.size + b.size) : 0;
  };
  const perRater = new Map<number, { dyad: number; empty: number; n: number }>();
  const pair = { sum: 0, n: 0 };
  const perRoot = tally();
  let produced = 0;
  const consensusHit = 0;
  let eventsAnyRater = 0;
  let eventsTwoRaters = 0;
  for (const r of rows) {
    const finals = r.annotations.filter((a) => a.round === r.final_round);
    const raterRoots = new Map<number, Set<string>>();
    for (const a of finals) {
      const set = raterRoots.get(a.rater) ?? new Set<string>();
      for (const act of a.actions) if (act.cameo_root) set.add(act.cameo_root.padStart(2, "0"));
      raterRoots.set(a.rater, set);
    }
    const events = code(r.text, null).filter(
      (e) => e.modality.status === "asserted" || e.modality.status === "reported_claim",
    );
    const mine = new Set(events.map((e) => e.cameo.root));
    produced += events.length;
    for (const root of mine) bump(perRoot, root, "produced");
    const raters = [...raterRoots.entries()];
    if (verbose) {
      const all = code(r.text, null);
      console.error(
        `CB ${r.id}\n  ${r.text}\n  raters: ${raters.map(([k, v]) => `${k}:${[...v].sort().join(",") || "-"}`).join(" ")}\n  dyad:   ${all.map((e) => `${e.source.code}-${e.cameo.code}-${e.target?.code ?? ""}/${e.modality.status}`).join(" ")}`,
      );
    }
    for (const [rater, set] of raters) {
      const t = perRater.get(rater) ?? { dyad: 0, empty: 0, n: 0 };
      t.dyad += f1(mine, set);
      t.empty += f1(new Set(), set);
      t.n++;
      perRater.set(rater, t);
      for (const root of set) {
        bump(perRoot, root, "expected");
        if (mine.has(root)) bump(perRoot, root, "found");
      }
    }
    // Precision estimate: a root dyad codes is right when at least one rater chose it for the sentence (per-root
    // "correct" counts it once per sentence, like "produced"); events of roots no rater chose are inventions.
    for (const e of events) {
      if (raters.some(([, set]) => set.has(e.cameo.root))) eventsAnyRater++;
      if (raters.filter(([, set]) => set.has(e.cameo.root)).length >= 2) eventsTwoRaters++;
    }
    for (const root of mine) if (raters.some(([, set]) => set.has(root))) bump(perRoot, root, "correct");
    for (let i = 0; i < raters.length; i++)
      for (let j = i + 1; j < raters.length; j++) {
        pair.sum += f1(raters[i]![1], raters[j]![1]);
        pair.n++;
      }
    void consensusHit;
  }
  const raterScores = [...perRater.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([rater, t]) => ({ rater, f1: ratio(t.dyad, t.n), emptyF1: ratio(t.empty, t.n), sentences: t.n }));
  const mean = (xs: number[]) =>
    xs.length ? Math.round((xs.reduce((a, b) => a + b, 0) / xs.length) * 1000) / 1000 : null;
  return {
    set: "conflibert_cameo_annotations",
    records: rows.length,
    rootSetF1: mean(raterScores.map((r) => r.f1 ?? 0)),
    emptyOutputF1: mean(raterScores.map((r) => r.emptyF1 ?? 0)),
    interRaterF1: ratio(pair.sum, pair.n),
    perRater: raterScores,
    eventsProduced: produced,
    precisionAnyRater: ratio(eventsAnyRater, produced),
    precisionTwoRaters: ratio(eventsTwoRaters, produced),
    perRoot,
  };
}

/** cameo_examples — 384 one-sentence examples from the CAMEO manual: exact code and root found (same sentences as the PLOVER set). */
function cameoExamples() {
  type Rec = { code: string; example_text: string };
  const rows = readJsonl<Rec>("cameo_codebook/cameo_examples.jsonl");
  let exact = 0;
  let root = 0;
  for (const r of rows) {
    const events = code(r.example_text, "2000-01-01");
    if (events.some((e) => e.cameo.code === r.code)) exact++;
    if (events.some((e) => e.cameo.root === rootOf(r.code))) root++;
  }
  return {
    set: "cameo_examples",
    records: rows.length,
    exactCodeRecall: ratio(exact, rows.length),
    rootRecall: ratio(root, rows.length),
  };
}

function rootTable(perRoot: Map<string, RootTally>): string {
  const lines = ["  root  expected  found  recall   produced  correct  precision"];
  for (const root of [...perRoot.keys()].sort()) {
    const t = perRoot.get(root)!;
    lines.push(
      `  ${root}    ${String(t.expected).padStart(8)} ${String(t.found).padStart(6)}  ${String(ratio(t.found, t.expected) ?? "-").padStart(6)}  ${String(t.produced).padStart(9)} ${String(t.correct).padStart(8)}  ${String(ratio(t.correct, t.produced) ?? "-").padStart(9)}`,
    );
  }
  return lines.join("\n");
}

const runs: Record<string, () => Record<string, unknown>> = {
  plover: ploverGsr,
  afp: petrAfp,
  conflibert,
  examples: cameoExamples,
  regression: scoreRegression,
};
const results: Record<string, unknown>[] = [];
const started = Date.now();
for (const [name, run] of Object.entries(runs)) {
  if (only && only !== name) continue;
  const r = run();
  results.push(r);
  if (json) continue;
  const { perRoot, perRater, perStatus, ...head } = r as Record<string, unknown> & {
    perRoot?: Map<string, RootTally>;
    perRater?: unknown;
    perStatus?: unknown;
  };
  console.log(`\n== ${String(head.set)}`);
  for (const [k, v] of Object.entries(head))
    if (k !== "set") console.log(`  ${k}: ${typeof v === "object" ? JSON.stringify(v) : String(v)}`);
  if (perRater) console.log(`  perRater: ${JSON.stringify(perRater)}`);
  if (perStatus) console.log(`  perStatus: ${JSON.stringify(perStatus)}`);
  if (perRoot) console.log(rootTable(perRoot));
}
if (json) {
  const plain = results.map((r) =>
    JSON.parse(JSON.stringify(r, (_k, v) => (v instanceof Map ? Object.fromEntries(v) : v))),
  );
  console.log(JSON.stringify({ seconds: (Date.now() - started) / 1000, results: plain }));
} else console.log(`\n(eval took ${((Date.now() - started) / 1000).toFixed(1)} s)`);
