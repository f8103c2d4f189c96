// Actor knowledge: load + compile time and memory, and the speed of mention finding on real news.
// Measures (1) the first load in a fresh process (module import + read + validate + compile), (2) the median of
// later rebuilds, (3) heap held by the compiled knowledge, (4) the same with the Phoenix production dictionaries
// imported (when ../shared is there), (5) findMentions over Wikinews articles already annotated.
// Run: npx tsx bench/actors-load.ts [--json] [--articles N] [--runs N] [--no-phoenix]
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const argv = process.argv.slice(2);
const json = argv.includes("--json");
const flag = (name: string, dflt: number): number => {
  const at = argv.indexOf(name);
  return at >= 0 ? Number(argv[at + 1]) : dflt;
};
const RUNS = flag("--runs", 5);
const ARTICLES = flag("--articles", 300);
const gc = (globalThis as { gc?: () => void }).gc;

function heapMB(): number {
  gc?.();
  gc?.();
  return process.memoryUsage().heapUsed / 1024 / 1024;
}
function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}
const round = (x: number, d = 0): number => Math.round(x * 10 ** d) / 10 ** d;

/** Wall and CPU milliseconds of `f` (CPU time is steadier on a shared machine). */
function timed<T>(f: () => T): { value: T; ms: number; cpuMs: number } {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const value = f();
  const c = process.cpuUsage(c0);
  return { value, ms: performance.now() - t0, cpuMs: (c.user + c.system) / 1000 };
}

const heap0 = heapMB();
const actors = await import("../src/knowledge/actors/index.js");
const first = timed(() => actors.loadActorKnowledge());
const knowledge = first.value;
const heapKnowledge = heapMB() - heap0;

const rebuilds: number[] = [];
const rebuildsCpu: number[] = [];
for (let i = 0; i < RUNS; i++) {
  const r = timed(() => actors.buildActorKnowledge([actors.ACTOR_DATA_DIR]));
  rebuilds.push(r.ms);
  rebuildsCpu.push(r.cpuMs);
}

const figures: Record<string, unknown> = {
  firstLoadMs: round(first.ms),
  firstLoadCpuMs: round(first.cpuMs),
  rebuildMs: round(median(rebuilds)),
  rebuildCpuMs: round(median(rebuildsCpu)),
  heapMB: round(heapKnowledge, 1),
  gcExposed: !!gc,
  counts: knowledge.counts,
};

// With the Phoenix production dictionaries imported (about 34k phrases).
const phoenix = fileURLToPath(new URL("../../shared/dictionaries/phoenix/", import.meta.url));
if (!argv.includes("--no-phoenix") && existsSync(phoenix)) {
  const { importDictionary, writeDyadDictionary } = await import("../src/knowledge/dict-import/index.js");
  const out = mkdtempSync(join(tmpdir(), "dyad-phoenix-"));
  try {
    const ti = performance.now();
    for (const f of [
      "Phoenix.Countries.actors.txt",
      "Phoenix.International.actors.txt",
      "Phoenix.MilNonState.actors.txt",
      "Phoenix.agents.txt",
    ]) {
      writeDyadDictionary(importDictionary(join(phoenix, f), "petrarch"), out);
    }
    const importMs = performance.now() - ti;
    const h0 = heapMB();
    const loaded = timed(() => actors.buildActorKnowledge([actors.ACTOR_DATA_DIR, out]));
    const withPhoenix = loaded.value;
    const heap = heapMB() - h0;
    figures.phoenix = {
      importMs: round(importMs),
      loadMs: round(loaded.ms),
      loadCpuMs: round(loaded.cpuMs),
      heapMB: round(heap, 1),
      phrases: withPhoenix.knowledge.counts.phrases,
      problems: withPhoenix.problems.length,
    };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

// Mention finding on real articles (annotation done beforehand, not timed).
const corpus = fileURLToPath(new URL("../../shared/corpus/wikinews_en/articles.jsonl", import.meta.url));
if (existsSync(corpus)) {
  const { annotate } = await import("../src/text/index.js");
  const { findMentions } = await import("../src/actors/index.js");
  const docs = readFileSync(corpus, "utf8")
    .split("\n")
    .filter((l) => l.trim())
    .slice(0, ARTICLES)
    .map((l) => {
      const a = JSON.parse(l) as { date?: string; text: string };
      const date = a.date && /^\d{4}-\d{2}-\d{2}$/.test(a.date) ? a.date : null;
      return { doc: annotate(a.text, { date }), date };
    });
  let mentions = 0;
  let chars = 0;
  for (const d of docs) {
    mentions += findMentions(d.doc, knowledge, d.date).length;
    chars += d.doc.text.length;
  }
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    times.push(
      timed(() => {
        for (const d of docs) findMentions(d.doc, knowledge, d.date);
      }).cpuMs,
    );
  }
  const ms = median(times);
  figures.mentions = {
    articles: docs.length,
    mentionsPerArticle: round(mentions / docs.length, 1),
    articlesPerCpuSecond: round((docs.length / ms) * 1000),
    mbPerCpuSecond: round(chars / 1024 / 1024 / (ms / 1000), 1),
  };
}

if (json) process.stdout.write(`${JSON.stringify(figures)}\n`);
else {
  for (const [k, v] of Object.entries(figures))
    process.stdout.write(`${k.padEnd(14)} ${typeof v === "object" ? JSON.stringify(v) : String(v)}\n`);
}
