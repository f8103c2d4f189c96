import { readdirSync, readFileSync, statSync } from "node:fs";
import { isAbsolute, join, relative } from "node:path";
import { DyadError } from "../../types/errors.js";
import {
  ACTOR_FILE_KINDS,
  type ActorFileKind,
  type ActorRows,
  emptyActorRows,
} from "./actor-file-schemas.js";

/** A line that could not be used: `file:line: reason`. */
export interface ActorFileProblem {
  readonly file: string;
  readonly line: number;
  readonly reason: string;
}

export function formatProblem(p: ActorFileProblem): string {
  return `${p.file}:${p.line}: ${p.reason}`;
}

function kindOfHeader(cells: readonly string[]): ActorFileKind | null {
  for (const [kind, def] of Object.entries(ACTOR_FILE_KINDS) as Array<
    [ActorFileKind, (typeof ACTOR_FILE_KINDS)[ActorFileKind]]
  >) {
    if (def.columns.length === cells.length && def.columns.every((c, i) => c === cells[i])) return kind;
  }
  return null;
}

/**
 * Parses one TSV actor file. Lines starting with `#` and blank lines are skipped; the first other line is the
 * header, which names the file's kind. Every row is validated; a bad row becomes a problem and is left out.
 */
export function parseActorFile(
  text: string,
  file: string,
  into: ActorRows = emptyActorRows(),
): { rows: ActorRows; problems: ActorFileProblem[] } {
  const problems: ActorFileProblem[] = [];
  const lines = text.replace(/^\uFEFF/, "").split(/\r?\n/);
  let kind: ActorFileKind | null = null;
  let headerSeen = false;
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!;
    const lineNo = i + 1;
    if (!raw.trim() || raw.trimStart().startsWith("#")) continue;
    const cells = raw.split("\t").map((c) => c.trim());
    if (!headerSeen) {
      headerSeen = true;
      kind = kindOfHeader(cells);
      if (!kind) {
        const known = Object.entries(ACTOR_FILE_KINDS)
          .map(([k, d]) => `${k}: ${d.columns.join(",")}`)
          .join("; ");
        problems.push({
          file,
          line: lineNo,
          reason: `unknown header '${cells.join(",")}' (expected one of — ${known})`,
        });
        return { rows: into, problems };
      }
      continue;
    }
    const def = ACTOR_FILE_KINDS[kind!];
    if (cells.length > def.columns.length) {
      problems.push({
        file,
        line: lineNo,
        reason: `${cells.length} columns, the header has ${def.columns.length}`,
      });
      continue;
    }
    const obj: Record<string, string> = {};
    def.columns.forEach((c, k) => {
      obj[c] = cells[k] ?? "";
    });
    const parsed = def.schema.safeParse(obj);
    if (!parsed.success) {
      const reason = parsed.error.issues
        .map((iss) => {
          const col = iss.path.length ? `${String(iss.path[0])}` : "";
          const value = col && obj[col] !== undefined ? ` '${obj[col]}'` : "";
          return col ? `${col}${value}: ${iss.message}` : iss.message;
        })
        .join("; ");
      problems.push({ file, line: lineNo, reason });
      continue;
    }
    (into[kind!] as Array<Record<string, unknown>>).push({
      ...(parsed.data as Record<string, unknown>),
      at: `${file}:${lineNo}`,
    });
  }
  if (!headerSeen) problems.push({ file, line: 1, reason: "no header line" });
  return { rows: into, problems };
}

function shownPath(path: string, root: string): string {
  const rel = relative(root, path);
  return rel.startsWith("..") || isAbsolute(rel) ? path : rel.split("\\").join("/");
}

/** Reads every `*.tsv` file under `dir` (recursively, sorted by path) into `into`. */
export function readActorDirectory(
  dir: string,
  root: string,
  into: ActorRows = emptyActorRows(),
): { rows: ActorRows; problems: ActorFileProblem[] } {
  const problems: ActorFileProblem[] = [];
  const files: string[] = [];
  const walk = (d: string): void => {
    let names: string[];
    try {
      names = readdirSync(d).sort();
    } catch (cause) {
      throw new DyadError("KNOWLEDGE_INVALID", `cannot read actor folder '${d}'`, { cause });
    }
    for (const n of names) {
      const p = join(d, n);
      if (statSync(p).isDirectory()) walk(p);
      else if (n.endsWith(".tsv")) files.push(p);
    }
  };
  walk(dir);
  for (const f of files)
    problems.push(...parseActorFile(readFileSync(f, "utf8"), shownPath(f, root), into).problems);
  return { rows: into, problems };
}
