/**
 * Actor knowledge: reads the actor files of data/actors (countries overlay, seats of power, leaders and officials
 * with date ranges, international organisations, armed groups and parties, agent nouns, back-references, blocked
 * phrases — each a TSV file whose header names its kind) plus the country names of the world-countries package,
 * validates every line with zod (a bad line is reported as `file:line: reason`), and compiles them once into a
 * token trie keyed on lowercased words and an index of offices by country, role and date. Input: the folders to
 * read (data/actors, plus any `extraDirs` such as the output of `dyad dict import`). Output: `ActorKnowledge`.
 */
import { fileURLToPath } from "node:url";
import { DyadError } from "../../types/errors.js";
import { emptyActorRows } from "./actor-file-schemas.js";
import type { ActorKnowledge } from "./actor-knowledge.js";
import { compileActorKnowledge } from "./compile-actor-knowledge.js";
import { type ActorFileProblem, formatProblem, readActorDirectory } from "./read-actor-files.js";
import { worldCountryNames } from "./world-country-names.js";

export {
  baseOfCode,
  isActorCode,
  SECTOR_CODES,
  splitActorCode,
  TRANSNATIONAL_PREFIXES,
  withSector,
} from "./actor-code.js";
export { ACTOR_FILE_KINDS, type ActorFileKind, type ActorRows } from "./actor-file-schemas.js";
export {
  type ActorEntity,
  type ActorEntityKind,
  ActorKnowledge,
  type ActorTerm,
  type AgentEntry,
  type AgentFlag,
  type CodeChoice,
  covers,
  type EthnicGroup,
  type PhraseForm,
  type PhraseTarget,
  type Seat,
} from "./actor-knowledge.js";
export { PhraseTrie, type TrieMatch } from "./phrase-trie.js";
export { normalizeKey, type PhraseWord, phraseWords } from "./phrase-words.js";
export { type ActorFileProblem, formatProblem, parseActorFile } from "./read-actor-files.js";

const REPO_ROOT = fileURLToPath(new URL("../../../", import.meta.url));
/** The folder the default knowledge is read from. */
export const ACTOR_DATA_DIR = fileURLToPath(new URL("../../../data/actors/", import.meta.url));

let cached: ActorKnowledge | null = null;

/** Reads and compiles the actor files of `dirs`, returning every problem instead of throwing. */
export function buildActorKnowledge(dirs: readonly string[]): {
  knowledge: ActorKnowledge;
  problems: ActorFileProblem[];
} {
  const rows = emptyActorRows();
  const problems: ActorFileProblem[] = [];
  for (const dir of dirs) problems.push(...readActorDirectory(dir, REPO_ROOT, rows).problems);
  const compiled = compileActorKnowledge(rows, worldCountryNames());
  problems.push(...compiled.problems);
  return { knowledge: compiled.knowledge, problems };
}

/**
 * The actor knowledge of data/actors plus `extraDirs` (read after it, so their phrases only win where they are
 * longer or new). The default is compiled once per process and cached. Throws a `DyadError` (KNOWLEDGE_INVALID)
 * listing every bad line as `file:line: reason`.
 *
 * @example
 * const k = loadActorKnowledge();
 * k.codeAt(k.entity("person:vladimir-putin")!, "2010-06-01").code // → "RUSGOV" (prime minister 2008–2012)
 */
export function loadActorKnowledge(options: { extraDirs?: readonly string[] } = {}): ActorKnowledge {
  const extra = options.extraDirs ?? [];
  if (!extra.length && cached) return cached;
  const { knowledge, problems } = buildActorKnowledge([ACTOR_DATA_DIR, ...extra]);
  if (problems.length) {
    const shown = problems.slice(0, 30).map(formatProblem).join("\n  ");
    const more = problems.length > 30 ? `\n  … and ${problems.length - 30} more` : "";
    throw new DyadError("KNOWLEDGE_INVALID", `${problems.length} bad actor line(s):\n  ${shown}${more}`);
  }
  if (!extra.length) cached = knowledge;
  return knowledge;
}
