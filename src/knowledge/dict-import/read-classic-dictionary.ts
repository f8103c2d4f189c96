/**
 * Reader for the classic TABARI / PETRARCH actor and agent dictionaries.
 *
 * Actor entries: a phrase line (words joined by `_` or spaces, an optional trailing `_`), optional `+SYNONYM`
 * lines, and codes in brackets either on the phrase line or on following indented lines:
 * `[RUSGOV]`, `[RUSGOV 20000507-20080507]`, `[RUSELI <991231]`, `[RUSGOV >080508]` (dates YYMMDD or YYYYMMDD).
 * Agent entries: `PHRASE {PLURALS} [~GOV]` (`{}`: no plural; `[NGO~]`: the code goes before the country), with
 * `!NAME! = A, B, C` substitution sets used inside phrases (`CONGRESS!PERSON!`).
 * Comments: `#` to the end of the line, and `<!-- … -->` blocks.
 */

/** One date-bounded code of an imported actor (`from` inclusive, `to` exclusive, ISO dates). */
export interface ImportedCode {
  readonly code: string;
  readonly from: string | null;
  readonly to: string | null;
}

export interface ImportedActor {
  readonly kind: "actor";
  readonly line: number;
  /** The phrases as written, underscores turned into spaces, first one the entry's name. */
  readonly phrases: readonly string[];
  readonly codes: readonly ImportedCode[];
}

export interface ImportedAgent {
  readonly kind: "agent";
  readonly line: number;
  readonly singular: string;
  /** Explicit plurals (from `{…}`), `[]` for `{}` (no plural), null for the default (+S). */
  readonly plurals: readonly string[] | null;
  /** The sector: the first three letters of the code after `~` (`~GOVFRM` → GOV). */
  readonly sector: string;
  /** The whole code as written, for notes (`~GOVFRM`, `NGO~`). */
  readonly code: string;
}

export type ImportedEntry = ImportedActor | ImportedAgent;

/** A line the importer could not use. */
export interface ImportProblem {
  readonly file: string;
  readonly line: number;
  readonly reason: string;
}

export type DictionaryFormat = "petrarch" | "tabari";

const CODE_IN_BRACKETS = /\[([^\]]*)\]/g;

/** Two-digit years: 30–99 → 19xx, 00–29 → 20xx (the TABARI/PETRARCH convention for YYMMDD). */
function isoOf(raw: string): string | null {
  let y: number;
  let md: string;
  if (/^\d{8}$/.test(raw)) {
    y = Number(raw.slice(0, 4));
    md = raw.slice(4);
  } else if (/^\d{6}$/.test(raw)) {
    const yy = Number(raw.slice(0, 2));
    y = yy >= 30 ? 1900 + yy : 2000 + yy;
    md = raw.slice(2);
  } else return null;
  const iso = `${String(y).padStart(4, "0")}-${md.slice(0, 2)}-${md.slice(2, 4)}`;
  const d = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === iso ? iso : null;
}

function nextDay(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** Parses the inside of one `[…]` actor code block. */
function parseActorCode(inside: string): { code: ImportedCode } | { error: string } {
  const m = /^\s*([A-Za-z0-9-]+)\s*(.*?)\s*$/.exec(inside);
  if (!m) return { error: `'[${inside}]' is not an actor code` };
  let code = m[1]!.toUpperCase();
  const rest = m[2]!.replace(/\s+/g, "");
  if (!/^(?:---|[A-Z][A-Z0-9]{2})(?:[A-Z0-9]{3})*$/.test(code))
    return { error: `'${m[1]}' is not an actor code (three-letter parts)` };
  if (
    code.length === 3 &&
    /^(GOV|MIL|REB|OPP|PTY|COP|JUD|SPY|MED|EDU|BUS|CRM|CVL|CIV|LAB|LEG|HLH|REF|ELI|HRI|REL|MOD|RAD|AGR|DEV|ENV|UAF|SEP|INS)$/.test(
      code,
    )
  )
    code = `---${code}`;
  if (!rest) return { code: { code, from: null, to: null } };
  const before = /^<(\d+)$/.exec(rest);
  if (before) {
    const to = isoOf(before[1]!);
    return to ? { code: { code, from: null, to } } : { error: `bad date '${before[1]}' in '[${inside}]'` };
  }
  const after = /^>(\d+)$/.exec(rest);
  if (after) {
    const from = isoOf(after[1]!);
    return from ? { code: { code, from, to: null } } : { error: `bad date '${after[1]}' in '[${inside}]'` };
  }
  const range = /^(\d+)-(\d+)$/.exec(rest);
  if (range) {
    const from = isoOf(range[1]!);
    const last = isoOf(range[2]!);
    if (!from || !last) return { error: `bad date in '[${inside}]'` };
    if (last < from) return { error: `date range ends before it starts in '[${inside}]'` };
    return { code: { code, from, to: nextDay(last) } };
  }
  return { error: `unreadable date restriction '${rest}' in '[${inside}]'` };
}

/** Removes `<!-- … -->` comments (possibly spanning lines) and `#` comments, keeping line numbers. */
function stripComments(lines: readonly string[], format: DictionaryFormat): string[] {
  const out: string[] = [];
  let inBlock = false;
  for (const raw of lines) {
    let s = raw;
    let kept = "";
    while (s.length) {
      if (inBlock) {
        const end = s.indexOf("-->");
        if (end === -1) {
          s = "";
          break;
        }
        s = s.slice(end + 3);
        inBlock = false;
        continue;
      }
      const start = format === "petrarch" ? s.search(/<!\s*--/) : -1;
      if (start === -1) {
        kept += s;
        break;
      }
      kept += s.slice(0, start);
      s = s.slice(start).replace(/^<!\s*--/, "");
      inBlock = true;
    }
    const hash = kept.indexOf("#");
    out.push(hash === -1 ? kept : kept.slice(0, hash));
  }
  return out;
}

/** Turns a dictionary phrase into words: `VLADIMIR_PUTIN_` → `VLADIMIR PUTIN`. */
function phraseOf(raw: string): string {
  return raw.replace(/_/g, " ").replace(/\s+/g, " ").trim();
}

/**
 * Reads a classic dictionary's text. Returns its actor and agent entries and every line it could not use; a
 * verb dictionary is reported line by line as not an actor or agent dictionary.
 */
export function readClassicDictionary(
  text: string,
  file: string,
  format: DictionaryFormat,
): { entries: ImportedEntry[]; problems: ImportProblem[] } {
  const rawLines = text.replace(/^\uFEFF/, "").split(/\r?\n/);
  const lines = stripComments(rawLines, format);
  const entries: ImportedEntry[] = [];
  const problems: ImportProblem[] = [];
  const macros = new Map<string, string[]>();
  let current: { line: number; phrases: string[]; codes: ImportedCode[] } | null = null;

  const flush = (): void => {
    if (!current) return;
    if (!current.codes.length)
      problems.push({ file, line: current.line, reason: `entry '${current.phrases[0]}' has no code` });
    else entries.push({ kind: "actor", line: current.line, phrases: current.phrases, codes: current.codes });
    current = null;
  };
  const codesOf = (
    s: string,
    lineNo: number,
  ): { codes: ImportedCode[]; agent: string | null; bad: boolean } => {
    const codes: ImportedCode[] = [];
    let agent: string | null = null;
    let bad = false;
    for (const m of s.matchAll(CODE_IN_BRACKETS)) {
      const inside = m[1]!.trim();
      if (inside.includes("~")) {
        agent = inside.replace(/\s+/g, "");
        continue;
      }
      const r = parseActorCode(inside);
      if ("error" in r) {
        problems.push({ file, line: lineNo, reason: r.error });
        bad = true;
      } else codes.push(r.code);
    }
    return { codes, agent, bad };
  };

  for (let i = 0; i < lines.length; i++) {
    const lineNo = i + 1;
    const line = lines[i]!;
    if (!line.trim()) continue;
    const trimmed = line.trim();
    // verb dictionaries and other sections this importer does not read
    if (
      /^(-|~|\$|&|\*|=)/.test(trimmed) ||
      /^####/.test(trimmed) ||
      (/^[A-Z]+\s*:/.test(trimmed) && !trimmed.includes("["))
    ) {
      problems.push({ file, line: lineNo, reason: `not an actor or agent line: '${trimmed.slice(0, 60)}'` });
      continue;
    }
    const macro = /^!([A-Z0-9_]+)!\s*=\s*(.+)$/i.exec(trimmed);
    if (macro) {
      macros.set(
        macro[1]!.toUpperCase(),
        macro[2]!
          .split(",")
          .map((x) => x.trim())
          .filter(Boolean),
      );
      continue;
    }
    if (/^\s/.test(line) && trimmed.startsWith("[")) {
      // a code line for the entry above
      if (!current) {
        problems.push({ file, line: lineNo, reason: `code line '${trimmed}' before any entry` });
        continue;
      }
      const { codes, agent } = codesOf(trimmed, lineNo);
      if (agent)
        problems.push({ file, line: lineNo, reason: `agent code '${agent}' on an actor's code line` });
      (current as { codes: ImportedCode[] }).codes.push(...codes);
      continue;
    }
    if (trimmed.startsWith("+")) {
      if (!current) {
        problems.push({ file, line: lineNo, reason: `synonym '${trimmed}' before any entry` });
        continue;
      }
      const body = trimmed.slice(1);
      const phrase = phraseOf(body.replace(CODE_IN_BRACKETS, ""));
      if (phrase) (current as { phrases: string[] }).phrases.push(phrase);
      if (body.includes("["))
        (current as { codes: ImportedCode[] }).codes.push(...codesOf(body, lineNo).codes);
      continue;
    }
    // a new entry
    flush();
    const head = trimmed.replace(CODE_IN_BRACKETS, " ");
    const pluralMatch = /\{([^}]*)\}/.exec(head);
    const phraseRaw = head.replace(/\{[^}]*\}/g, " ");
    const phrase = phraseOf(phraseRaw);
    const { codes, agent, bad } = codesOf(trimmed, lineNo);
    if (!phrase) {
      if (!bad) problems.push({ file, line: lineNo, reason: `no phrase on '${trimmed.slice(0, 60)}'` });
      continue;
    }
    if (/[[\]{}]/.test(phrase)) {
      problems.push({ file, line: lineNo, reason: `unbalanced brackets in '${trimmed.slice(0, 60)}'` });
      continue;
    }
    if (agent) {
      const code = agent.replace(/^\s+|\s+$/g, "");
      const sector = code.replace("~", "").slice(0, 3).toUpperCase();
      if (!/^[A-Z]{3}$/.test(sector)) {
        problems.push({ file, line: lineNo, reason: `agent code '[${code}]' has no three-letter sector` });
        continue;
      }
      const plurals = pluralMatch
        ? pluralMatch[1]!
            .split(/[,\s]+/)
            .map(phraseOf)
            .filter(Boolean)
        : null;
      for (const expanded of expandMacros(phrase, macros)) {
        if (expanded.error) {
          problems.push({ file, line: lineNo, reason: expanded.error });
          continue;
        }
        entries.push({
          kind: "agent",
          line: lineNo,
          singular: expanded.text,
          plurals: expanded.fromMacro ? [] : plurals,
          sector,
          code,
        });
      }
      continue;
    }
    current = { line: lineNo, phrases: [phrase], codes: [...codes] };
    if (bad && !codes.length) {
      // the entry's only code was unusable: drop it silently (the code problem is already reported)
      current = null;
    }
  }
  flush();
  return { entries, problems };
}

/** Expands `!NAME!` substitution sets: `CONGRESS!PERSON!` → CONGRESSMAN, CONGRESSMEN, … */
function expandMacros(
  phrase: string,
  macros: ReadonlyMap<string, readonly string[]>,
): Array<{ text: string; fromMacro: boolean; error?: string }> {
  const m = /!([A-Z0-9_]+)!/i.exec(phrase);
  if (!m) return [{ text: phrase, fromMacro: false }];
  const set = macros.get(m[1]!.toUpperCase());
  if (!set)
    return [{ text: phrase, fromMacro: false, error: `unknown substitution set '!${m[1]}!' in '${phrase}'` }];
  const out: Array<{ text: string; fromMacro: boolean; error?: string }> = [];
  for (const v of set) {
    for (const e of expandMacros(phrase.replace(m[0], phraseOf(v)), macros))
      out.push({ ...e, fromMacro: true });
  }
  return out;
}
