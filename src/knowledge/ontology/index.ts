/**
 * CAMEO ontology: reads data/ontology/cameo.tsv (every CAMEO code with its root, quad class, Goldstein value
 * and PLOVER mapping), validates each row with zod, and answers code lookups. Input: the TSV in the
 * knowledge base (or any text in the same format via `parseOntology`). Output: an `Ontology` whose
 * `cameo(code)` gives the `CameoCode` record and `plover(code)` the PLOVER type/mode/context.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { DyadError } from "../../types/errors.js";
import type { CameoCode, PloverCode } from "../../types/event.js";

/** Lookups over every CAMEO code. Codes are the digit strings of the CAMEO manual ("01", "0211", "190"). */
export interface Ontology {
  /** The CAMEO record of a code, or undefined when the code does not exist. */
  cameo(code: string): CameoCode | undefined;
  /**
   * The PLOVER type, mode and context of a code; `type` is null for CAMEO root 01 (public statements), which
   * PLOVER dropped. Null when the code does not exist.
   */
  plover(code: string): PloverCode | null;
  /** Every code in file order (roots, then their 3- and 4-digit codes). */
  codes(): readonly CameoCode[];
}

const DEFAULT_FILE = new URL("../../../data/ontology/cameo.tsv", import.meta.url);
const HEADER = [
  "code",
  "root",
  "level",
  "quad",
  "goldstein",
  "plover_type",
  "plover_mode",
  "plover_context",
  "name",
];

const rowSchema = z
  .object({
    code: z.string().regex(/^\d{2,4}$/, "code must be 2-4 digits"),
    root: z.string().regex(/^(0[1-9]|1\d|20)$/, "root must be 01-20"),
    level: z.coerce.number().int().min(0).max(2),
    quad: z.coerce.number().int().min(1).max(4),
    goldstein: z.coerce.number().min(-10).max(10),
    plover_type: z.string(),
    plover_mode: z.string(),
    plover_context: z.string(),
    name: z.string().min(1, "name is empty"),
  })
  .refine((r) => r.code.startsWith(r.root), { message: "code does not start with its root" });

/** Parses the ontology TSV text; `file` is only used in error messages. Throws `DyadError("KNOWLEDGE_INVALID")`. */
export function parseOntology(text: string, file = "data/ontology/cameo.tsv"): Ontology {
  const lines = text.split(/\r?\n/);
  const header = (lines[0] ?? "").split("\t");
  if (header.join("\t") !== HEADER.join("\t")) {
    throw new DyadError("KNOWLEDGE_INVALID", `${file}:1: header must be '${HEADER.join(" ")}'`);
  }
  const byCode = new Map<string, { cameo: CameoCode; plover: PloverCode }>();
  const ordered: CameoCode[] = [];
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i] ?? "";
    if (line.trim() === "" || line.startsWith("#")) continue;
    const cells = line.split("\t");
    const raw = Object.fromEntries(HEADER.map((h, k) => [h, (cells[k] ?? "").trim()]));
    const parsed = rowSchema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue?.path.length ? `${issue.path.join(".")}: ` : "";
      throw new DyadError(
        "KNOWLEDGE_INVALID",
        `${file}:${i + 1}: ${where}${issue?.message ?? "invalid row"}`,
      );
    }
    const r = parsed.data;
    if (byCode.has(r.code))
      throw new DyadError("KNOWLEDGE_INVALID", `${file}:${i + 1}: duplicate code '${r.code}'`);
    const cameo: CameoCode = {
      code: r.code,
      root: r.root,
      name: r.name,
      quad: r.quad as CameoCode["quad"],
      goldstein: r.goldstein,
    };
    const plover: PloverCode = {
      type: r.plover_type || null,
      mode: r.plover_mode || null,
      context: r.plover_context || null,
    };
    byCode.set(r.code, { cameo, plover });
    ordered.push(cameo);
  }
  return {
    cameo: (code) => byCode.get(code)?.cameo,
    plover: (code) => byCode.get(code)?.plover ?? null,
    codes: () => ordered,
  };
}

let cached: Ontology | undefined;

/** The ontology of the knowledge base, read and validated once per process. */
export function loadOntology(): Ontology {
  if (!cached) cached = parseOntology(readFileSync(DEFAULT_FILE, "utf8"));
  return cached;
}

/** Absolute path of the ontology file the default loader reads. */
export const ONTOLOGY_FILE = fileURLToPath(DEFAULT_FILE);
