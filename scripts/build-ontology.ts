/**
 * Regenerates data/ontology/cameo.tsv from the CAMEO and PLOVER codebooks in ../shared/eval.
 * Run by hand when the codebooks change (`npx tsx scripts/build-ontology.ts`); dyad never reads ../shared at run time.
 * Facts carried over: codes, names, Goldstein values (GDELT, else ICEWS), quad class, the CAMEO→PLOVER map.
 * Our own decisions: root 02 (appeal) maps to PLOVER REQUEST, root 01 (statement) has no PLOVER type.
 */
import { readFileSync, writeFileSync } from "node:fs";

const shared = new URL("../../shared/eval/", import.meta.url);
const lines = (p: string) =>
  readFileSync(new URL(p, shared), "utf8")
    .split("\n")
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Record<string, unknown>);

const plover = new Map<string, { event: string | null; mode: string | null; context: string | null }>();
for (const r of lines("plover_codebook/cameo2plover.jsonl")) {
  if (r.is_root_heading) continue;
  plover.set(String(r.cameo_code), {
    event: (r.plover_event as string | null) ?? null,
    mode: (r.plover_mode as string | null) ?? null,
    context: (r.plover_context as string | null) ?? null,
  });
}
const rootPlover = new Map<string, string>();
for (const r of lines("plover_codebook/cameo_root_to_plover.jsonl")) {
  const cat = String(r.plover_category);
  if (cat !== "dropped" && !rootPlover.has(String(r.cameo_root)))
    rootPlover.set(String(r.cameo_root), cat.split(" ")[0]!);
}
rootPlover.set("02", "REQUEST");
rootPlover.set("20", "ASSAULT");

const out = ["code\troot\tlevel\tquad\tgoldstein\tplover_type\tplover_mode\tplover_context\tname"];
for (const r of lines("cameo_codebook/cameo_codes.jsonl")) {
  const code = String(r.code);
  const root = String(r.root);
  const g = (r.goldstein_gdelt ?? r.goldstein_icews) as number | null;
  let p = plover.get(code) ?? { event: null, mode: null, context: null };
  if (!p.event) {
    // 3/4-digit codes missing from the map inherit from their 3-digit parent, then the root.
    const parent = plover.get(code.slice(0, 3));
    p = parent?.event ? { ...parent } : { event: rootPlover.get(root) ?? null, mode: null, context: null };
  }
  if (code.startsWith("08")) p = { ...p, event: Number(code.slice(0, 3)) <= 83 ? "CONCEDE" : "RETREAT" };
  if (root === "08" && code.length === 2) p = { ...p, event: "CONCEDE" };
  out.push(
    [
      code,
      root,
      r.level,
      r.quad_class,
      g ?? 0,
      p.event ?? "",
      p.mode ?? "",
      p.context ?? "",
      String(r.name).replace(/\s+/g, " "),
    ].join("\t"),
  );
}
writeFileSync(new URL("../data/ontology/cameo.tsv", import.meta.url), `${out.join("\n")}\n`);
console.log(`wrote ${out.length - 1} CAMEO codes`);
