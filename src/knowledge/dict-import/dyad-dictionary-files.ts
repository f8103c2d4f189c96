import type { ImportedActor, ImportedAgent, ImportedEntry } from "./read-classic-dictionary.js";

/**
 * The spelling dyad stores an imported phrase with. Dyad matches a capitalised phrase only where the text is
 * capitalised too, so the upper-case dictionaries are rewritten: a phrase of several words in lower case (matched
 * in any case), a single word of three letters or fewer kept in capitals (an acronym: "UN", "IMF"), any other
 * single word with a capital initial ("Russia", "Chad" — so that "chad" is not matched).
 */
export function dyadSpelling(phrase: string): string {
  const words = phrase.split(" ").filter(Boolean);
  if (words.length > 1) return words.map((w) => (w.includes(".") ? w : w.toLowerCase())).join(" ");
  const w = words[0] ?? "";
  const letters = w.replace(/[^\p{L}]/gu, "");
  if (w.includes(".") || letters.length <= 3) return w.toUpperCase();
  return w[0]!.toUpperCase() + w.slice(1).toLowerCase();
}

function slugOf(s: string): string {
  return (
    s
      .normalize("NFKD")
      .replace(/\p{M}/gu, "")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "") || "entry"
  );
}

/** English plural of an agent noun, as TABARI forms it when the dictionary gives none. */
export function defaultPlural(singular: string): string {
  const words = singular.split(" ");
  const last = words[words.length - 1]!;
  let p: string;
  if (/(s|x|z|ch|sh)$/.test(last)) p = `${last}es`;
  else if (/[^aeiou]y$/.test(last)) p = `${last.slice(0, -1)}ies`;
  else if (/man$/.test(last)) p = `${last.slice(0, -3)}men`;
  else p = `${last}s`;
  return [...words.slice(0, -1), p].join(" ");
}

function clean(cell: string): string {
  return cell.replace(/[\t\r\n|]/g, " ").trim();
}

/** Dyad `actors` file text (header + one line per code) for the imported actor entries; ids are prefixed with `stem`. */
export function dyadActorFile(entries: readonly ImportedEntry[], stem: string, source: string): string {
  const out = [
    `# Imported by 'dyad dict import' from ${source}. Columns as in data/actors/groups.tsv; one line per code,`,
    "# dates from the dictionary's [CODE date] restrictions (from inclusive, to exclusive).",
    "id\tkind\tname\taliases\tcode\tfrom\tto\tnote",
  ];
  const used = new Map<string, number>();
  const prefix = slugOf(stem).replace(/-/g, ".");
  for (const e of entries) {
    if (e.kind !== "actor") continue;
    const a = e as ImportedActor;
    const names = [...new Set(a.phrases.map((p) => clean(dyadSpelling(p))).filter(Boolean))];
    if (!names.length) continue;
    const base = `${prefix}.${slugOf(names[0]!)}`;
    const n = (used.get(base) ?? 0) + 1;
    used.set(base, n);
    const id = n === 1 ? base : `${base}-${n}`;
    const dated = a.codes.some((c) => c.from || c.to);
    const first = a.codes[0]!.code;
    const kind = first.startsWith("IGO")
      ? "igo"
      : first.startsWith("NGO")
        ? "ngo"
        : dated
          ? "person"
          : "actor";
    const seen = new Set<string>();
    let firstLine = true;
    for (const c of a.codes) {
      const key = `${c.code}|${c.from ?? ""}|${c.to ?? ""}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const name = firstLine ? names[0]! : "";
      const aliases = firstLine ? names.slice(1).join("|") : "";
      out.push(
        [id, kind, name, aliases, c.code, c.from ?? "", c.to ?? "", firstLine ? `line ${a.line}` : ""].join(
          "\t",
        ),
      );
      firstLine = false;
    }
  }
  return `${out.join("\n")}\n`;
}

/** Dyad `agents` file text for the imported agent entries. */
export function dyadAgentFile(entries: readonly ImportedEntry[], source: string): string {
  const out = [
    `# Imported by 'dyad dict import' from ${source}. Columns as in data/actors/agents.tsv.`,
    "singular\tplural\tsector\trole\tflags\tnote",
  ];
  const seen = new Set<string>();
  for (const e of entries) {
    if (e.kind !== "agent") continue;
    const a = e as ImportedAgent;
    const singular = clean(a.singular.toLowerCase());
    if (!singular) continue;
    const plurals =
      a.plurals === null
        ? [defaultPlural(singular)]
        : a.plurals.map((p) => clean(p.toLowerCase())).filter(Boolean);
    const note = a.code.replace("~", "").length > 3 || a.code.endsWith("~") ? `code ${a.code}` : "";
    const rows = [[singular, plurals[0] ?? "-"], ...plurals.slice(1).map((p) => ["-", p])];
    for (const [sg, pl] of rows) {
      const key = `${sg}|${pl}|${a.sector}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push([sg, pl, a.sector, "", "", note].join("\t"));
    }
  }
  return `${out.join("\n")}\n`;
}
