import { countryOfRegion, REGION_MAX_WORDS } from "../geo/index.js";
import {
  type ActorEntity,
  type ActorKnowledge,
  type AgentEntry,
  baseOfCode,
  type PhraseForm,
  type PhraseTarget,
  phraseWords,
  SECTOR_CODES,
  splitActorCode,
  TRANSNATIONAL_PREFIXES,
  type TrieMatch,
} from "../knowledge/actors/index.js";
import { MONTH_NAMES, WEEKDAY_NAMES } from "../text/calendar-words.js";
import type { Doc, Sentence } from "../types/doc.js";
import type { Mention, MentionKind } from "../types/mention.js";
import { type ActorReading, Discourse } from "./discourse.js";
import { type SentenceWord, sentenceWords, tokenRange } from "./sentence-words.js";

/** A phrase the trie found: words `[i, j)` of the sentence. */
interface Atom {
  readonly i: number;
  readonly j: number;
  readonly targets: readonly PhraseTarget[];
  /** An unknown name introduced earlier in the article with a title ("Foreign Minister Dubem Oniya" → "Oniya"). */
  readonly local?: ActorReading;
}

/** A premodifier of a noun phrase: an actor named before an agent noun or a person ("Russian", "UN", "Moscow's"). */
interface Premod {
  readonly i: number;
  readonly j: number;
  readonly reading: ActorReading;
  /** The entity behind the reading, when it came from the knowledge base. */
  readonly entity: ActorEntity | null;
  /** "-backed", "pro-": the actor supports the head but is not it. */
  readonly backer: boolean;
  /** How the phrase named the entity (a capital is a "metonym"). */
  readonly form: PhraseForm | null;
}

const PRONOUNS: ReadonlyMap<string, "m" | "f" | "pl" | "n"> = new Map([
  ["its", "n"],
  ["he", "m"],
  ["him", "m"],
  ["his", "m"],
  ["himself", "m"],
  ["she", "f"],
  ["her", "f"],
  ["hers", "f"],
  ["herself", "f"],
  ["they", "pl"],
  ["them", "pl"],
  ["their", "pl"],
  ["theirs", "pl"],
  ["themselves", "pl"],
]);
const POSSESSIVE_PRONOUNS = new Set(["his", "her", "their", "its"]);
const COORDINATORS = new Set(["and", "&", ","]);
/** Words after a hyphen that make the actor before it a backer, not the head ("Iranian-backed militias"). */
const BACKER_WORDS = new Set([
  "backed",
  "supported",
  "sponsored",
  "funded",
  "armed",
  "aligned",
  "allied",
  "linked",
  "affiliated",
  "trained",
  "friendly",
  "leaning",
]);
/** Words after a hyphen that keep the actor as the head's own ("U.S.-led coalition", "Russian-controlled"). */
const OWNER_WORDS = new Set([
  "led",
  "based",
  "run",
  "controlled",
  "owned",
  "held",
  "appointed",
  "installed",
  "dominated",
  "commanded",
]);
const FILLERS = new Set([
  "former",
  "ex",
  "then",
  "acting",
  "interim",
  "outgoing",
  "incoming",
  "new",
  "newly",
  "top",
  "senior",
  "deputy",
  "vice",
  "junior",
  "assistant",
  "under",
  "embattled",
  "ousted",
  "late",
  "veteran",
  "longtime",
  "hardline",
  "moderate",
  "powerful",
  "self",
  "declared",
  "proclaimed",
  "elected",
  "exiled",
  "jailed",
  "ruling",
  "main",
  "local",
  "regional",
  "provincial",
  "federal",
  "national",
  "chief",
  "head",
  "caretaker",
  "transitional",
  "civilian",
  "visiting",
]);
const FORMER = new Set(["former", "ex", "ousted", "deposed", "toppled", "overthrown", "late"]);
/** Prepositions of a short phrase between a titled actor and a name in apposition ("commander in Iraq, General X"). */
const APPOSITION_PREPOSITIONS = new Set(["in", "of", "for", "at", "to"]);
/** Institutions whose country "the …" takes from the sentence before ("the government", "the army", "the parliament"). */
const CONTEXT_SECTORS = new Set(["GOV", "MIL", "LEG", "COP"]);
/**
 * Sectors of the agents an unnamed mention may take from an earlier one with the same head noun ("the ministry",
 * "the leaders", "a ministry spokesman", "the army"). Victims, civilians and protesters are left to the place.
 */
const ANAPHORA_SECTORS = new Set(["GOV", "MIL", "COP", "LEG", "JUD", "SPY"]);
/** How many sentences back an unnamed agent looks for an antecedent with the same head noun. */
const ANAPHORA_WINDOW = 4;
/** A word after an agent that names its own place or owner ("officials in Kabul", "a spokesman for …"). */
/** Sectors of a title a first-level region may hold ("Florida Governor", "Ontario Opposition Leader"). */
const REGIONAL_SECTORS = new Set(["GOV", "LEG", "JUD", "OPP", "PTY", "COP"]);
const ANCHOR_WORDS = new Set(["of", "in", "from", "at", "for"]);
const PLACE_PREPOSITIONS = new Set([
  "in",
  "at",
  "near",
  "outside",
  "inside",
  "around",
  "across",
  "within",
  "throughout",
]);
/** Fillers that make a title something other than the office itself ("deputy foreign minister"). */
const NOT_THE_OFFICE = new Set([
  "former",
  "ex",
  "ousted",
  "deposed",
  "toppled",
  "overthrown",
  "late",
  "deputy",
  "vice",
  "junior",
  "assistant",
  "under",
]);
/** Honorifics and abbreviated titles that may stand right before a surname ("Mr Howard", "Sen. Kerry"). */
const HONORIFICS = new Set(
  "mr mrs ms miss dr sir dame lord lady sen rep gov gen adm col lt sgt capt cmdr maj pres prof rev fr st hon mp".split(
    " ",
  ),
);
const NAME_PARTICLES = new Set([
  "al",
  "el",
  "bin",
  "ibn",
  "abu",
  "de",
  "da",
  "di",
  "van",
  "von",
  "der",
  "du",
  "la",
  "le",
  "ben",
  "bint",
]);
const NOT_NAMES = new Set([
  "the",
  "on",
  "in",
  "at",
  "and",
  "but",
  "or",
  "said",
  "says",
  "told",
  "will",
  "would",
  "has",
  "had",
  "was",
  "is",
  "who",
  "which",
  "that",
  "this",
  ...WEEKDAY_NAMES,
  // "May" is also a name (Theresa May).
  ...[...MONTH_NAMES].filter((month) => month !== "may"),
]);

/** Role nouns that are also verbs ("head", "police", "spy"). */
const VERB_LIKE_AGENTS = new Set([
  "head",
  "police",
  "spy",
  "guard",
  "judge",
  "monitor",
  "chair",
  "host",
  "staff",
]);
/** Words that start the object or direction of such a verb. */
const VERB_OBJECT_STARTS = new Set([
  "to",
  "on",
  "into",
  "toward",
  "towards",
  "back",
  "home",
  "the",
  "a",
  "an",
  "their",
  "its",
  "his",
  "her",
  "this",
  "these",
  "those",
]);

/** Lowercase words that are also nations' adjectives or leaders' names ("polish the floor", "bush fires"). */
const CASELESS_WORDS = new Set(["polish", "bush", "may", "brown", "rice", "king", "price", "major", "young"]);

function realCountry(c: string | null): c is string {
  return !!c && c !== "---" && !TRANSNATIONAL_PREFIXES.has(c);
}

/** Finds, codes and resolves the actor mentions of one document. One instance per document. */
export class MentionFinder {
  private readonly discourse = new Discourse();
  private readonly out: Mention[] = [];
  private readonly localNames = new Map<string, ActorReading>();
  private readonly datelineCountry: string | null;
  /** The "dateline" is an organisation or a person heading the text ("NATO: Allies agreed…"): read it as a mention. */
  private readonly datelineIsActor: boolean;
  private lastEmitted: {
    sentence: number;
    words: readonly SentenceWord[];
    j: number;
    readings: readonly ActorReading[];
  } | null = null;
  private pendingCompound: ActorReading[] | null = null;
  /** What was emitted in the current sentence, by word span (for apposition). */
  private sentenceEmits: {
    words: readonly SentenceWord[] | null;
    list: Array<{ i: number; j: number; readings: readonly ActorReading[] }>;
  } = { words: null, list: [] };
  /** The person "he"/"she" stood for last in a sentence, so that "him"/"her" in it looks for someone else. */
  private subjectPronoun: { sentence: number; entity: string } | null = null;
  /** The organisation a dateline at its seat stands for ("BRUSSELS" in a story naming the EU), once computed. */
  private seatOrg: { entity: ActorEntity; code: string } | null | undefined;

  constructor(
    private readonly doc: Doc,
    private readonly k: ActorKnowledge,
    private readonly date: string | null,
  ) {
    this.datelineCountry = this.countryOfDateline();
    this.datelineIsActor = this.actorDateline();
  }

  run(): Mention[] {
    for (const s of this.doc.sentences) this.sentence(s);
    return this.out.sort((a, b) => a.start - b.start || b.end - a.end);
  }

  // ── atoms ──────────────────────────────────────────────────────────────────────────────────────────────

  private countryOfDateline(): string | null {
    const d = this.doc.dateline;
    if (!d) return null;
    const words = sentenceWordsOf(d.place);
    for (let i = 0; i < words.length; i++) {
      const m = this.k.trie.longestAt(words, i);
      if (!m) continue;
      for (const t of m.targets) {
        if (t.type !== "entity") continue;
        const e = this.k.entities[t.entity]!;
        const code = t.code ?? e.terms[0]?.code ?? null;
        const c = code ? splitActorCode(code).country : null;
        if (realCountry(c)) return c;
      }
    }
    return null;
  }

  private actorDateline(): boolean {
    const d = this.doc.dateline;
    if (!d || d.agency) return false;
    const words = sentenceWordsOf(d.place);
    const m = this.k.trie.longestAt(words, 0);
    if (!m || m.end !== words.length) return false;
    return m.targets.some(
      (t) => t.type === "entity" && t.form !== "metonym" && this.k.entities[t.entity]!.kind !== "country",
    );
  }

  private atoms(words: readonly SentenceWord[], skip: (w: SentenceWord) => boolean): Array<Atom | undefined> {
    const at: Array<Atom | undefined> = new Array(words.length);
    let lastEnd = -1; // the end of the latest atom: the word before `i` is in an atom when it equals `i`
    for (let i = 0; i < words.length; ) {
      if (skip(words[i]!)) {
        i++;
        continue;
      }
      const m = this.k.trie.longestAt(words, i);
      if (m && this.referenceOpensName(words, i, m)) {
        i++;
        continue;
      }
      if (m && this.agentUsedAsVerb(words, i, m, at)) {
        i++;
        continue;
      }
      if (
        m &&
        !anySkipped(words, i, m.end, skip) &&
        !this.partOfLongerName(words, i, m) &&
        !(lastEnd !== i && this.otherPersonsSurname(words, i, m))
      ) {
        at[i] = { i, j: m.end, targets: m.targets };
        i = lastEnd = m.end;
        continue;
      }
      const local = words[i]!.caps ? (this.localAt(words, i) ?? this.regionBeforeTitle(words, i)) : null;
      if (local) {
        at[i] = local;
        i = lastEnd = local.j;
        continue;
      }
      const loose = words[i]!.caps === 0 ? this.caselessAt(words, i, at) : null;
      if (loose && !anySkipped(words, i, loose.j, skip)) {
        at[i] = loose;
        i = lastEnd = loose.j;
        continue;
      }
      i++;
    }
    return at;
  }

  /**
   * A name written without its capital where nothing else could be meant: a known person's name right after a
   * title ("President obama"), a nation's adjective right before a role noun ("tunisian rioters"), or a country's
   * name with a capital misplaced ("iSrael"). Other lowercase words stay common words ("chad", "turkey").
   */
  private caselessAt(words: readonly SentenceWord[], i: number, at: Array<Atom | undefined>): Atom | null {
    const w = words[i]!;
    if (w.punct || w.key.length < 3 || CASELESS_WORDS.has(w.key)) return null;
    const raised = words.map((x, n) =>
      n >= i && n < i + 3 && x.caps === 0 && !x.punct ? { ...x, caps: 1 as const } : x,
    );
    const m = this.k.trie.longestAt(raised, i);
    if (!m) return null;
    const ents = m.targets.filter((t): t is Extract<PhraseTarget, { type: "entity" }> => t.type === "entity");
    if (!ents.length || ents.length !== m.targets.length) return null;
    const kinds = new Set(ents.map((t) => this.k.entities[t.entity]!.kind));
    const prev = i > 0 ? at[i - 1] : undefined;
    const prevAgent = prev && prev.j === i ? this.agentOf(prev) : null;
    if (kinds.size === 1 && kinds.has("person") && prevAgent?.entry.flags.has("title"))
      return { i, j: m.end, targets: ents };
    if (!kinds.has("country") || kinds.size !== 1) return null;
    if (w.text !== w.text.toLowerCase() && m.end === i + 1) return { i, j: m.end, targets: ents }; // "iSrael"
    const demonym = ents.every((t) => t.form === "adjective" || t.form === "people");
    const next = this.k.trie.longestAt(words, m.end);
    if (demonym && m.end === i + 1 && next?.targets.some((t) => t.type === "agent"))
      return { i, j: m.end, targets: ents };
    return null;
  }

  /**
   * A role noun that is also a verb, used as the verb: after a subject and before an object or a direction
   * ("voters head to the polls", "troops police the streets", "rebels spy on the army"), not "the head of".
   */
  private agentUsedAsVerb(
    words: readonly SentenceWord[],
    i: number,
    m: TrieMatch<PhraseTarget>,
    at: Array<Atom | undefined>,
  ): boolean {
    const w = words[i]!;
    if (m.end !== i + 1 || w.caps || !VERB_LIKE_AGENTS.has(w.key) || i === 0) return false;
    if (!m.targets.every((t) => t.type === "agent")) return false;
    const prev = words[i - 1]!;
    const prevAtom = at[i - 1] ?? (i > 1 && at[i - 2]?.j === i ? at[i - 2] : undefined);
    const subject =
      prev.key === "they" ||
      prev.key === "we" ||
      (prevAtom?.j === i &&
        prevAtom.targets.some(
          (t) =>
            (t.type === "agent" && t.plural) ||
            t.type === "reference" ||
            (t.type === "entity" && t.form === "people"),
        )) ||
      (!prevAtom && prev.pos === "NOUN" && !prev.caps) ||
      (!prevAtom && (prev.pos === "PROPN" || prev.pos === "NOUN") && prev.key.endsWith("s"));
    if (!subject) return false;
    const next = words[i + 1];
    if (!next) return false;
    return VERB_OBJECT_STARTS.has(next.key) || next.pos === "DET";
  }

  /** A known person's name hyphenated to another capitalised word is part of someone else's name ("Mbeki-Lunde"). */
  /**
   * "Jack McConnell", "Kim Beasley", "Rear Adm. Harry Harris": a known person's surname right after a given name
   * that is not theirs is someone else with that surname; the name stays unknown (a title before it still codes it).
   * Only a one-word match counts: a longer one already names the person ("Presidente Luiz Inácio Lula da Silva").
   * The word before must be a proper noun in no actor phrase, not an honorific ("Mr", "Sen.") or an initial.
   */
  private otherPersonsSurname(
    words: readonly SentenceWord[],
    i: number,
    m: TrieMatch<PhraseTarget>,
  ): boolean {
    const w = i > 0 ? words[i - 1] : undefined;
    if (w?.caps !== 1 || w.punct || w.key.length < 2 || w.pos !== "PROPN" || HONORIFICS.has(w.key))
      return false;
    if (words[i]!.start - w.end > 1) return false; // "Jack McConnell": one space between
    if (!m.targets.length || m.end !== i + 1) return false; // a one-word match: a surname ("Grand Ayatollah Ali …")
    return m.targets.every((t) => {
      if (t.type !== "entity") return false;
      const e = this.k.entities[t.entity]!;
      if (e.kind !== "person") return false;
      const own = phraseWords(e.name, 0, e.name.length).map((x) => x.key);
      return !own.includes(w.key);
    });
  }

  /**
   * "The Organization of American States", "the Republic of Korea": a back-reference ("the organization") whose
   * noun opens a longer name is no reference; the name is read from the next word.
   */
  private referenceOpensName(words: readonly SentenceWord[], i: number, m: TrieMatch<PhraseTarget>): boolean {
    if (!m.targets.every((t) => t.type === "reference")) return false;
    const inner = this.k.trie.longestAt(words, i + 1);
    return !!inner && inner.end > m.end;
  }

  private partOfLongerName(words: readonly SentenceWord[], i: number, m: TrieMatch<PhraseTarget>): boolean {
    const after = words[m.end];
    const joinedAfter = !!after?.joined && after.caps > 0;
    const joinedBefore = words[i]!.joined && i > 0 && words[i - 1]!.caps > 0;
    if (!joinedAfter && !joinedBefore) return false;
    return m.targets.every((t) => t.type === "entity" && this.k.entities[t.entity]!.kind === "person");
  }

  /**
   * "Florida Governor Ron DeSantis", "Ontario Premier Doug Ford", "Bavarian Interior Minister X": a first-level
   * region (src/geo) right before a title names the country of a sub-national office. The region becomes a
   * premodifier with its country only (no entity), so the title is coded `<country><sector>` and never resolved to
   * the national office holder; a known person named after the title is still coded by their own knowledge.
   */
  private regionBeforeTitle(words: readonly SentenceWord[], i: number): Atom | null {
    const prev = i > 0 ? words[i - 1]! : null;
    if (prev?.caps && !prev.punct && prev.pos !== "DET") return null; // inside a longer name
    if (i > 0 && words[i - 1]!.key === "of") return null; // "the Islamic Council of Victoria president"
    for (let n = REGION_MAX_WORDS; n >= 1; n--) {
      const j = i + n;
      if (j >= words.length) continue;
      const ws = words.slice(i, j);
      if (!ws.every((w) => w.caps && !w.punct)) continue;
      const country = countryOfRegion(ws.map((w) => w.text).join(" "));
      if (!country) continue;
      // a civilian office ("Massachusetts General Hospital" is no general)
      const next = this.k.trie.longestAt(words, j);
      const title = next?.targets.some((t) => {
        if (t.type !== "agent" || t.plural) return false;
        const a = this.k.agents[t.agent]!;
        return a.flags.has("title") && REGIONAL_SECTORS.has(a.sector);
      });
      if (!title || next!.targets.some((t) => t.type === "entity")) return null;
      const name = span(words, i, j);
      const reading: ActorReading = {
        code: country,
        country,
        sector: null,
        name,
        kind: "country",
        entity: `region:${name}`,
        why: `region '${name}' of ${country} before a title (a sub-national office)`,
        gender: null,
        personLike: false,
        plural: false,
        role: null,
      };
      return { i, j, targets: [], local: reading };
    }
    return null;
  }

  private localAt(words: readonly SentenceWord[], i: number): Atom | null {
    if (!this.localNames.size) return null;
    for (let n = 4; n >= 1; n--) {
      if (i + n > words.length) continue;
      const key = words
        .slice(i, i + n)
        .map((w) => w.key)
        .join(" ");
      const r = this.localNames.get(key);
      if (r && words.slice(i, i + n).every((w) => w.caps)) return { i, j: i + n, targets: [], local: r };
    }
    return null;
  }

  // ── sentence ───────────────────────────────────────────────────────────────────────────────────────────

  private sentence(s: Sentence): void {
    const words = sentenceWords(this.doc, s);
    const dl = this.datelineIsActor ? null : this.doc.dateline;
    const skip = dl ? (w: SentenceWord) => w.start < dl.end && w.end > dl.start : () => false;
    const atoms = this.atoms(words, skip);
    let k = 0;
    while (k < words.length) {
      const next = this.chunk(words, atoms, k, s);
      if (next > k + 1 || this.pendingCompound) this.flushCompound(s);
      k = next;
    }
    this.flushCompound(s);
  }

  /** Reads one noun-phrase-like chunk starting at word `k`; returns the index after it. */
  private chunk(
    words: readonly SentenceWord[],
    atoms: Array<Atom | undefined>,
    k: number,
    s: Sentence,
  ): number {
    const w = words[k]!;
    const atom = atoms[k];
    if (atom?.targets[0]?.type === "block") return atom.j;
    if (atom?.targets[0]?.type === "reference") return this.reference(words, atom, s);
    if (!atom && PRONOUNS.has(w.key) && w.caps !== 2 && (w.pos === "PRON" || w.pos === "DET" || w.pos === ""))
      return this.pronoun(words, atoms, k, s);
    if (!atom && !this.agentAhead(atoms, k)) return k + 1;
    const premods = this.premods(words, atoms, k);
    let p = premods.length ? premods[premods.length - 1]!.j : k;
    const possessive = p < words.length && words[p]!.key === "'s" && premods.length > 0;
    if (possessive) p++;
    // fillers, then an agent run
    let run = this.agentRun(words, atoms, p);
    if (!run && possessive && atoms[p] && this.premodOf(atoms[p]!, words)?.entity?.kind === "igo") {
      // "Russia's UN ambassador": the organisation says where the role is held; the owner is the country
      const after = this.agentRun(words, atoms, atoms[p]!.j);
      if (after?.start === atoms[p]!.j) run = after;
    }
    if (!premods.length && !run) return k + 1;
    if (!run && premods.length && premods[premods.length - 1]!.entity?.kind !== "person") {
      // "Russia's Putin", "Jordan's visiting King Abdullah II": the person, with the country named before it
      let q = p;
      while (q < p + 2 && q < words.length && !atoms[q] && this.isFiller(words[q]!)) q++;
      const a = atoms[q];
      const person = a ? this.personOf(a) : null;
      if (a && person) {
        this.emitPremods(words, premods.slice(0, -1), s);
        this.recordOrganisations(premods, s);
        const r = this.entityReading(person.entity, person.target, null);
        this.emit(words, premods[premods.length - 1]!.i, a.j, [r], s);
        return a.j;
      }
    }
    if (!run) {
      this.emitPremods(words, premods, s);
      return premods[premods.length - 1]!.j;
    }
    const fillers = words.slice(p, run.start).map((x) => x.key);
    const before = k > 0 ? words.slice(Math.max(0, k - 2), k).map((x) => x.key) : [];
    const former = [...fillers, ...before].some((f) => FORMER.has(f));
    const notOffice = [...fillers, ...before].some((f) => NOT_THE_OFFICE.has(f));
    const head = run.agents[run.agents.length - 1]!;
    const sector = former ? "ELI" : this.businessOwned(words, atoms, premods, run) ? "BUS" : run.sector;
    // a person (known, or introduced earlier) or an unknown proper name after the agent run
    let q = run.end;
    const nameStart = q;
    while (
      q < words.length &&
      (!atoms[q] ||
        this.titleInName(words, atoms, q, nameStart) ||
        (q === nameStart && this.agentAsSurname(words, atoms, q))) &&
      this.nameWord(words, q, q === nameStart)
    )
      q++;
    const personAtom = atoms[q];
    const personTarget = personAtom ? this.personOf(personAtom) : null;
    const start = premods.length ? premods[premods.length - 1]!.i : run.start;
    this.recordOrganisations(premods, s);
    if (personAtom && personTarget && (q === nameStart || personAtom.local || personTarget)) {
      this.emitPremods(words, premods.slice(0, -1), s);
      const reading =
        personAtom.local ?? this.entityReading(personTarget.entity, personTarget.target, head.role, sector);
      const why = personAtom.local
        ? reading.why
        : `${reading.why}${run.start < personAtom.i ? ` (titled '${span(words, run.start, run.end)}')` : ""}`;
      this.emit(
        words,
        premods.length ? premods[premods.length - 1]!.i : run.start,
        personAtom.j,
        [{ ...reading, why }],
        s,
      );
      return this.possessedAgent(words, atoms, personAtom.j, reading, s) ?? personAtom.j;
    }
    if (q > nameStart && head.flags.has("title") && q - nameStart <= 5) {
      // "Nigerian junior foreign minister Dubem Oniya": code from the title, remember the name for later.
      while (q > nameStart && NAME_PARTICLES.has(words[q - 1]!.key)) q--;
      const name = span(words, nameStart, q);
      let base = premods.length ? this.baseOf(premods[premods.length - 1]!) : null;
      let how = base ? ` of ${base}` : "";
      let end = q;
      if (!base) {
        // "President Dubem Oniya of Haiti"
        const place = this.placeAfter(words, atoms, q);
        if (place && words[q]!.key === "of") {
          base = place.pm.reading.country;
          how = ` of ${base} (named after the name)`;
          end = place.end;
        }
      }
      if (!base) {
        // "the US commander in Iraq, General Dubem Oniya": the same person as the titled actor before the comma
        const prev = this.appositionBefore(words, start);
        if (prev) {
          base = prev.country;
          how = ` of ${base} (in apposition to '${prev.name}')`;
        }
      }
      this.emitPremods(words, premods.slice(0, -1), s);
      const code = base ? codeWith(base, sector) : `---${sector}`;
      const parts = splitActorCode(code);
      const reading: ActorReading = {
        code,
        country: parts.country,
        sector: parts.sector,
        name,
        kind: "agent",
        entity: head.id,
        why: `title '${span(words, run.start, run.end)}' → ${sector}${how}; name not in the knowledge base`,
        gender: null,
        personLike: true,
        plural: false,
        role: notOffice ? null : head.role,
      };
      this.emit(words, start, end, [reading], s);
      const nameWords = words.slice(nameStart, q).filter((x) => x.caps);
      const last = nameWords[nameWords.length - 1];
      const local = { ...reading, why: `coref: ${name} (introduced as '${span(words, start, q)}')` };
      this.localNames.set(nameWords.map((x) => x.key).join(" "), local);
      if (last && last.key.length > 2 && nameWords.length > 1) this.localNames.set(last.key, local);
      return end;
    }
    const singularTitle = !run.plural && !!head.role && !notOffice;
    if (premods.length) {
      const last = premods[premods.length - 1]!;
      if (singularTitle && premods.length === 1 && !last.backer) {
        const d = this.describe(last, head, words, start, run.end);
        if (d) {
          this.emit(words, start, run.end, [d], s);
          return run.end;
        }
      }
      if (last.backer) {
        this.emitPremods(words, premods.slice(0, -1), s);
        const reading = agentReading(
          head,
          sector,
          null,
          `agent '${span(words, run.start, run.end)}' → ${sector}, ${last.reading.country ?? last.reading.code}-backed (not its own actor)`,
          run.plural,
        );
        this.emit(words, last.i, run.end, [reading], s);
        return run.end;
      }
      // "Druze inhabitants of the Syrian Golan": a community's country named after the head
      if (premods.length === 1 && !realCountry(last.reading.country) && !last.entity) {
        const place = this.placeAfter(words, atoms, run.end);
        if (place) {
          const r = this.combine(place.pm, head, sector, span(words, run.start, run.end), run.plural);
          const reading = { ...r, why: `${r.why}; ${last.reading.name} (${last.reading.why})` };
          this.emit(words, last.i, place.end, [reading], s);
          return place.end;
        }
      }
      const readings = premods.map((pm) =>
        this.combine(pm, head, sector, span(words, run.start, run.end), run.plural),
      );
      for (let n = 0; n < premods.length - 1; n++)
        this.emit(words, premods[n]!.i, premods[n]!.j, [readings[n]!], s, false);
      this.emit(words, last.i, run.end, [readings[readings.length - 1]!], s, false);
      this.discourse.add(readings, s.index, premods.length > 1);
      return run.end;
    }
    return this.bareAgent(words, atoms, run, sector, singularTitle, s);
  }

  /**
   * "President Bouteflika's government", "the prime minister's spokesman": after a person just emitted (ending at
   * word `at`), a possessive and a role noun make an actor of that person's country; returns where it ends.
   */
  private possessedAgent(
    words: readonly SentenceWord[],
    atoms: Array<Atom | undefined>,
    at: number,
    owner: ActorReading,
    s: Sentence,
  ): number | null {
    if (words[at]?.key !== "'s" || !realCountry(owner.country)) return null;
    const run = this.agentRun(words, atoms, at + 1);
    if (!run) return null;
    const head = run.agents[run.agents.length - 1]!;
    const pm: Premod = {
      i: at,
      j: at + 1,
      reading: owner,
      entity: this.k.entity(owner.entity) ?? null,
      backer: false,
      form: null,
    };
    const r = this.combine(pm, head, run.sector, span(words, run.start, run.end), run.plural);
    this.emit(words, run.start, run.end, [{ ...r, why: `${r.why}; owned by ${owner.name}` }], s);
    return run.end;
  }

  /** An agent run with no actor before it: "the armed forces of China and Russia", "protesters in Iraq", "the president". */
  private bareAgent(
    words: readonly SentenceWord[],
    atoms: Array<Atom | undefined>,
    run: AgentRun,
    sector: string,
    singularTitle: boolean,
    s: Sentence,
  ): number {
    const head = run.agents[run.agents.length - 1]!;
    const text = span(words, run.start, run.end);
    const next = words[run.end];
    // "X of A and B" / "X in A" (also "X of the A", "X in the A")
    const after0 = run.end + 1 + (words[run.end + 1]?.key === "the" && !atoms[run.end + 1] ? 1 : 0);
    if (next && (next.key === "of" || next.key === "in") && atoms[after0]) {
      const list = this.premods(words, atoms, after0).filter(
        (pm) => pm.entity?.kind === "country" || pm.entity?.kind === "igo",
      );
      const after = list.length ? words[list[list.length - 1]!.j] : undefined;
      const ok =
        list.length > 0 &&
        !(after && (after.key === "'s" || atoms[list[list.length - 1]!.j]?.targets[0]?.type === "agent"));
      if (ok && (next.key === "of" || (list.length === 1 && sector !== "MIL" && sector !== "GOV"))) {
        if (singularTitle && list.length === 1) {
          const d = this.describe(list[0]!, head, words, run.start, list[0]!.j);
          if (d) {
            this.emit(words, run.start, list[0]!.j, [d], s);
            return list[0]!.j;
          }
        }
        const readings = list.map((pm) => this.combine(pm, head, sector, text, run.plural));
        this.emit(words, run.start, list[0]!.j, [readings[0]!], s, false);
        for (let n = 1; n < list.length; n++)
          this.emit(words, list[n]!.i, list[n]!.j, [readings[n]!], s, false);
        this.discourse.add(readings, s.index, list.length > 1);
        return list[list.length - 1]!.j;
      }
    }
    // "leaders of the Cambodian opposition coalition", "the spokesman of Hamas": the head belongs to what follows
    if (next?.key === "of") {
      const inner = this.ofPhrase(words, atoms, run.end + 1);
      const generic = head.flags.has("generic");
      if (inner && (generic || inner.reading.country)) {
        const r = inner.reading;
        const code = generic && sector !== "ELI" ? r.code : codeWith(baseOfCode(r.code), sector);
        const parts = splitActorCode(code);
        const reading: ActorReading = {
          ...agentReading(
            head,
            parts.sector ?? sector,
            parts.country,
            `agent '${text}' of '${span(words, inner.start, inner.end)}' → ${code} (${r.why})`,
            run.plural,
          ),
          code,
        };
        this.emit(words, run.start, inner.end, [reading], s);
        return inner.end;
      }
    }
    const prev = run.start > 0 ? words[run.start - 1]!.key : "";
    const definite = prev === "the" || prev === "this" || prev === "that";
    if (singularTitle && (definite || run.start === 0 || words[run.start]!.caps > 0)) {
      const ref = this.discourse.lastWhere(
        (r) => r.personLike && r.role === head.role && r.kind !== "agent",
        s.index,
      );
      if (ref) {
        this.emit(
          words,
          run.start,
          run.end,
          [{ ...ref, kind: "description", why: `coref: the ${text} → ${ref.name}` }],
          s,
        );
        return run.end;
      }
      // the dateline's country, else the only country with such an office ("the pope", "the taoiseach")
      // (not for a generic title: "the chairman" may chair anything)
      const home =
        this.datelineCountry ?? (head.flags.has("generic") ? null : this.k.soleBaseOfRole(head.role!));
      const holder = home ? this.holder(home, head.role!, null) : null;
      if (holder) {
        const r = this.entityReading(holder, null, head.role);
        this.emit(
          words,
          run.start,
          run.end,
          [
            {
              ...r,
              kind: "description",
              why: `coref: the ${text} → ${r.name} (${head.role} of ${home}, ${home === this.datelineCountry ? "the dateline's country" : "the only country with that office"})`,
            },
          ],
          s,
        );
        return run.end;
      }
    }
    // "the leaders", "a ministry spokesman": an agent named earlier with the same head noun, else the organisation
    // seated at the dateline city; a place or owner named after the noun ("officials in Kabul") or a scene opening
    // the sentence ("In Minsk, police …") is left to the coder
    // a name after the noun ("General Motors", "President Vieira") or a modifier that may make it another referent
    // ("foreign governments", "African leaders", "the deputy president") is left alone too
    const anchored = !!next && (ANCHOR_WORDS.has(next.key) || (next.caps > 0 && !next.punct));
    const scene = PLACE_PREPOSITIONS.has(words[0]?.key ?? "");
    if (!anchored && !scene && plainModifiers(words, run.start)) {
      const ref = this.antecedentAgent(run, sector, text, s.index);
      if (ref) {
        this.emit(words, run.start, run.end, [ref], s);
        return run.end;
      }
      const seat = sector === "GOV" && !head.flags.has("institution") ? this.seatOrganisation() : null;
      if (seat) {
        const reading: ActorReading = {
          ...agentReading(
            head,
            sector,
            splitActorCode(seat.code).country,
            `agent '${text}' → ${seat.code}: the dateline is the seat of ${seat.entity.name}, named in the story`,
            run.plural,
          ),
          code: seat.code,
          sector: splitActorCode(seat.code).sector,
        };
        this.emit(words, run.start, run.end, [reading], s);
        return run.end;
      }
    }
    let country: string | null = null;
    let why = `agent '${text}' → ${sector}`;
    if (
      definite &&
      head.flags.has("institution") &&
      CONTEXT_SECTORS.has(sector) &&
      !run.plural &&
      next?.key !== "of"
    ) {
      country = this.discourse.recentCountry(s.index, 1);
      if (country) why += `; country from context: ${country}`;
    }
    const reading = agentReading(
      head,
      sector,
      country,
      country ? why : `${why} (no country named)`,
      run.plural,
    );
    this.emit(words, run.start, run.end, [reading], s);
    return run.end;
  }

  /**
   * The actor an unnamed agent refers back to: the latest agent with a known actor, named in the last few
   * sentences, whose head noun is this one's ("European Union leaders … the leaders", "India's army … the army"),
   * or, for a generic person noun after an institution noun ("a ministry spokesman", "army officials"), whose head
   * noun is that institution's ("Iran's foreign ministry … a ministry spokesman" → IRNGOV). Nothing for other
   * runs ("rebel forces"), for sectors outside ANAPHORA_SECTORS, or for antecedents whose country was itself guessed.
   */
  private antecedentAgent(
    run: AgentRun,
    sector: string,
    text: string,
    sentence: number,
  ): ActorReading | null {
    if (!ANAPHORA_SECTORS.has(sector)) return null;
    const head = run.agents[run.agents.length - 1]!;
    // courts, not lawyers: a profession's members are not the body named before
    if (sector === "JUD" && !head.flags.has("institution")) return null;
    let noun: string | null = null;
    if (run.agents.length === 1) noun = headNoun(head);
    else if (run.agents.length === 2 && head.flags.has("generic") && head.flags.has("person")) {
      const owner = run.agents[0]!;
      if (owner.flags.has("institution")) noun = headNoun(owner);
    }
    if (!noun) return null;
    const ref = this.discourse.lastWhere(
      (r) =>
        r.kind === "agent" &&
        !!r.country &&
        r.country !== "---" &&
        !r.why.includes("country from context") &&
        this.agentHeadNoun(r.entity) === noun &&
        // "the foreign minister" is not the finance minister named before
        !(head.role && this.agentRole(r.entity) && head.role !== this.agentRole(r.entity)) &&
        // "governments" are not the government named before; "leaders" are not one leader named before
        !(head.flags.has("institution") && run.agents.length === 1 && r.plural !== run.plural) &&
        !(run.plural && r.personLike),
      sentence,
      ANAPHORA_WINDOW,
    );
    if (!ref) return null;
    return {
      ...agentReading(head, sector, ref.country, "", run.plural),
      code: ref.code,
      sector: ref.sector,
      name: ref.name,
      why: `anaphora: '${text}' → ${ref.name} (${ref.code}), the last '${noun}' named`,
    };
  }

  /** The head noun of the agent entry `id` ("agent:foreign-ministry" → "ministry"), or null if it is none. */
  private agentHeadNoun(id: string): string | null {
    return this.agentEntry(id)?.noun ?? null;
  }

  /** The office of the agent entry `id` ("agent:foreign-minister" → "foreign minister"), if it names one. */
  private agentRole(id: string): string | null {
    return this.agentEntry(id)?.entry.role ?? null;
  }

  private agentEntry(id: string): { entry: AgentEntry; noun: string | null } | undefined {
    if (!id.startsWith("agent:")) return undefined;
    let map = AGENTS_BY_ID.get(this.k);
    if (!map) {
      map = new Map(this.k.agents.map((a) => [a.id, { entry: a, noun: headNoun(a) }]));
      AGENTS_BY_ID.set(this.k, map);
    }
    return map.get(id);
  }

  /**
   * The organisation seated in the dateline city (data/actors seats.tsv) when the story names it more often than
   * the host state (a story naming neither is the host's); of several seated there, the one named most (none on a
   * tie).
   */
  private seatOrganisation(): { entity: ActorEntity; code: string } | null {
    if (this.seatOrg !== undefined) return this.seatOrg;
    this.seatOrg = null;
    const d = this.doc.dateline;
    if (!d || this.datelineIsActor) return null;
    const seat = this.k.seatIn(d.place.split(",")[0]!.trim());
    if (!seat) return null;
    const orgs = seat.organisations;
    const codeOf = (e: ActorEntity) => this.k.codeAt(e, this.date).code;
    const counts = new Map<string, number>(orgs.map((o) => [codeOf(o), 0]));
    let host = 0;
    for (const s of this.doc.sentences) {
      const words = sentenceWords(this.doc, s);
      for (let i = 0; i < words.length; ) {
        const w = words[i]!;
        const m = w.start < d.end && w.end > d.start ? null : this.k.trie.longestAt(words, i);
        if (!m) {
          i++;
          continue;
        }
        for (const t of m.targets) {
          if (t.type !== "entity") continue;
          const e = this.k.entities[t.entity]!;
          // a capital or a seat's name is as often a place ("talks in Brussels") as an actor: neither counts
          if (t.form === "metonym") continue;
          if (e.kind === "country" && e.id === `country:${seat.host}`) host++;
          if (e.kind !== "igo") continue;
          const c = codeOf(e);
          const n = counts.get(c);
          if (n !== undefined) counts.set(c, n + 1);
        }
        i = m.end;
      }
    }
    let best: string | null = null;
    let bestN = 0;
    let tie = false;
    for (const [c, n] of counts) {
      if (n > bestN) {
        best = c;
        bestN = n;
        tie = false;
      } else if (n === bestN) tie = true;
    }
    if (!best || tie || bestN <= host) return null;
    const entity = orgs.find((o) => codeOf(o) === best)!;
    this.seatOrg = { entity, code: best };
    return this.seatOrg;
  }

  /**
   * The titled person with a country that a name at word `start` stands in apposition to: "<title phrase>
   * [in/of/for <place>], <name>" — the comma right before `start`, at most one short prepositional phrase between.
   */
  private appositionBefore(words: readonly SentenceWord[], start: number): ActorReading | null {
    if (start < 2 || words[start - 1]!.key !== "," || this.sentenceEmits.words !== words) return null;
    const list = this.sentenceEmits.list;
    for (let n = list.length - 1; n >= 0; n--) {
      const e = list[n]!;
      if (e.j > start - 1) continue;
      const r = e.readings.length === 1 ? e.readings[0]! : null;
      const gap = start - 1 - e.j;
      const prep = gap === 0 || (gap <= 5 && APPOSITION_PREPOSITIONS.has(words[e.j]!.key));
      if (r?.personLike && realCountry(r.country) && r.kind !== "pronoun" && prep) return r;
      if (!prep || n < list.length - 3) return null;
    }
    return null;
  }

  /** "of/in [the] <one country>" right after word `at - 1`: the country's premod and where it ends. */
  private placeAfter(
    words: readonly SentenceWord[],
    atoms: Array<Atom | undefined>,
    at: number,
  ): { pm: Premod; end: number } | null {
    const w = words[at]?.key;
    if (w !== "of" && w !== "in") return null;
    const q = at + 1 + (words[at + 1]?.key === "the" && !atoms[at + 1] ? 1 : 0);
    const list = this.premods(words, atoms, q);
    const pm = list[0];
    if (list.length !== 1 || !pm || pm.entity?.kind !== "country" || words[pm.j]?.key === "'s") return null;
    return { pm, end: pm.j };
  }

  /**
   * The actor phrase after "of" ("the Azadliq opposition coalition", "Romania's new government", "Hamas"): one
   * reading with its words `[start, end)`, or null if none starts there (after an optional "the").
   */
  private ofPhrase(
    words: readonly SentenceWord[],
    atoms: Array<Atom | undefined>,
    from: number,
  ): { reading: ActorReading; start: number; end: number } | null {
    const start = words[from]?.key === "the" && !atoms[from] ? from + 1 : from;
    const premods = this.premods(words, atoms, start);
    if (premods.length > 1 || premods.some((pm) => pm.backer)) return null;
    const pm = premods[0];
    let p = pm ? pm.j : start;
    if (pm && words[p]?.key === "'s") p++;
    if (!pm) p = skipUnknownName(words, atoms, p); // "the Azadliq (Freedom) opposition coalition"
    const run = this.agentRun(words, atoms, p);
    if (!pm && run && !run.plural && run.agents[run.agents.length - 1]!.flags.has("title")) {
      // "the government of President Laurent Gbagbo": the titled person's country
      const a = atoms[run.end];
      const person = a ? this.personOf(a) : null;
      if (a && person && words[a.j]?.key !== "'s") {
        const head = run.agents[run.agents.length - 1]!;
        const reading = this.entityReading(person.entity, person.target, head.role, run.sector);
        return { reading, start, end: a.j };
      }
    }
    if (run && (!run.plural || run.agents.length)) {
      const head = run.agents[run.agents.length - 1]!;
      const text = span(words, run.start, run.end);
      const reading = pm
        ? this.combine(pm, head, run.sector, text, run.plural)
        : agentReading(head, run.sector, null, `agent '${text}' → ${run.sector}`, run.plural);
      return { reading, start, end: run.end };
    }
    // "the chairman of Gazprom": a named organisation (also a company coded BUS) owns the agent before "of"
    const organisation =
      pm?.entity?.kind === "group" ||
      pm?.entity?.kind === "igo" ||
      (pm?.entity?.kind === "actor" && splitActorCode(pm.reading.code).sector === "BUS");
    if (pm && organisation && words[pm.j]?.key !== "'s") return { reading: pm.reading, start, end: pm.j };
    // "the government of (President) Laurent Gbagbo": the person's country
    if (pm?.entity?.kind === "person" && words[pm.j]?.key !== "'s")
      return { reading: pm.reading, start, end: pm.j };
    return null;
  }

  // ── pieces ─────────────────────────────────────────────────────────────────────────────────────────────

  /** Actors named before a head, joined by "and", commas or hyphens ("Hungarian and Romanian", "Russia-China"). */
  private premods(words: readonly SentenceWord[], atoms: Array<Atom | undefined>, k: number): Premod[] {
    const out: Premod[] = [];
    /** How each premod after the first was joined to the one before: a bare comma, or a word/hyphen. */
    const byComma: boolean[] = [];
    let p = k;
    for (;;) {
      const a = atoms[p];
      if (!a) break;
      const pm = this.premodOf(a, words);
      if (!pm) break;
      let backer = p > 0 && words[p]!.joined && (words[p - 1]!.key === "pro" || words[p - 1]!.key === "anti");
      let j = a.j;
      const after = words[j];
      if (after?.joined && !atoms[j]) {
        if (BACKER_WORDS.has(after.key)) {
          backer = true;
          j++;
        } else if (OWNER_WORDS.has(after.key)) j++;
      }
      let cur: Premod = { ...pm, i: a.i, j, backer };
      // "ethnic Albanians": a nation's people named as a community, not the state
      if (a.i > 0 && words[a.i - 1]!.key === "ethnic" && (pm.form === "adjective" || pm.form === "people"))
        cur = { ...cur, reading: this.asCommunity(cur.reading, `ethnic ${words[a.i]!.text}`), entity: null };
      // "Iraqi Kurds", "Bosnian Serbs", "Kosovo Albanians": the place names the country, the next word a community
      for (;;) {
        const nx = atoms[cur.j];
        if (!nx || words[cur.j]!.joined || !realCountry(cur.reading.country) || cur.backer) break;
        const community = this.communityAfter(nx, cur);
        if (!community) break;
        cur = {
          ...cur,
          j: nx.j,
          reading: {
            ...cur.reading,
            plural: true,
            why: `${cur.reading.why}; '${span(words, nx.i, nx.j)}' names a community living there`,
          },
        };
      }
      j = cur.j;
      out.push(cur);
      if (words[j]?.key === "'s") break;
      const nx = words[j];
      if (nx?.joined && atoms[j] && this.premodOf(atoms[j]!, words)) {
        byComma.push(false);
        p = j;
        continue;
      }
      if (nx && COORDINATORS.has(nx.key)) {
        let q = j + 1;
        if (nx.key === "," && words[q]?.key === "and") q++;
        if (atoms[q] && this.premodOf(atoms[q]!, words)) {
          byComma.push(nx.key === "," && q === j + 1);
          p = q;
          continue;
        }
      }
      break;
    }
    // A list joined by commas is closed by "and" ("US, British and French troops"); a comma with no "and" after it
    // ends a clause ("near Macedonia's border with Bulgaria, Macedonian officials said"), so the list stops there.
    while (out.length > 1 && byComma[out.length - 2]) out.pop();
    return out;
  }

  private premodOf(
    a: Atom,
    words: readonly SentenceWord[],
  ): { reading: ActorReading; entity: ActorEntity | null; form: PhraseForm | null } | null {
    if (a.local) return { reading: a.local, entity: null, form: null };
    const t = this.pickEntity(a.targets);
    if (!t) {
      const x = a.targets.find((y) => y.type === "ethnic");
      return x?.type === "ethnic" ? { reading: this.ethnicReading(x.group), entity: null, form: null } : null;
    }
    const e = this.k.entities[t.entity]!;
    // "the US commander in Iraq, David Petraeus": the office the titled phrase names decides which of the
    // person's offices is meant
    const app = e.kind === "person" && e.terms.length > 1 ? this.appositionBefore(words, a.i) : null;
    const reading = this.entityReading(e, t, app?.role ?? null, app?.sector ?? null);
    return { reading, entity: e, form: t.form };
  }

  /**
   * An ethnic or religious community ("Kurds", "Moslem"): its homeland where it has one state, else no country
   * (the phrase or the article supplies it).
   */
  private ethnicReading(group: number): ActorReading {
    const g = this.k.ethnicGroups[group]!;
    return {
      code: g.homeland ?? "---",
      country: g.homeland,
      sector: null,
      name: g.name,
      kind: g.homeland ? "country" : "agent",
      entity: g.id,
      why: g.homeland
        ? `community: ${g.name} (homeland ${g.homeland})`
        : `community: ${g.name} (no state of its own: country from the phrase or the article)`,
      gender: null,
      personLike: false,
      plural: true,
      role: null,
    };
  }

  /** A nation's people read as a community ("ethnic Serbs"): no country of its own. */
  private asCommunity(r: ActorReading, text: string): ActorReading {
    return {
      ...r,
      code: "---",
      country: null,
      sector: null,
      kind: "agent",
      name: text,
      entity: `ethnic:${r.entity}`,
      why: `community: ${text} (an ethnic group, not the state: country from the phrase or the article)`,
    };
  }

  /**
   * After a place ("Iraqi", "Bosnian", "Kosovo"), the community named next ("Kurds", "Serb", "Albanians"), or
   * null when the next atom is no community (another actor, an agent noun).
   */
  private communityAfter(nx: Atom, cur: Premod): string | null {
    if (nx.local) return null;
    const t = this.pickEntity(nx.targets);
    if (!t) {
      const x = nx.targets.find((y) => y.type === "ethnic");
      return x?.type === "ethnic" ? this.k.ethnicGroups[x.group]!.name : null;
    }
    const e = this.k.entities[t.entity]!;
    if (e.kind !== "country" || (t.form !== "people" && t.form !== "adjective")) return null;
    if (cur.form !== "adjective" && cur.form !== "name") return null;
    if (`country:${cur.reading.country}` === e.id) return null;
    return e.name;
  }

  /** Among the entity targets of a phrase, the one to read: for people, whoever held office on the date. */
  private pickEntity(targets: readonly PhraseTarget[]): Extract<PhraseTarget, { type: "entity" }> | null {
    const ents = targets.filter((t): t is Extract<PhraseTarget, { type: "entity" }> => t.type === "entity");
    if (ents.length <= 1) return ents[0] ?? null;
    if (this.date) {
      const date = this.date;
      const inOffice = ents.find((t) => {
        const e = this.k.entities[t.entity]!;
        return (
          e.kind === "person" &&
          e.terms.some((x) => (x.from || x.to) && (!x.from || x.from <= date) && (!x.to || date < x.to))
        );
      });
      if (inOffice) return inOffice;
      // else the one whose last term ended most recently before the date
      let best: Extract<PhraseTarget, { type: "entity" }> | null = null;
      let bestTo = "";
      for (const t of ents) {
        for (const x of this.k.entities[t.entity]!.terms) {
          const end = x.to && x.to <= date ? x.to : x.from && x.from <= date ? date : "";
          if (end > bestTo) {
            bestTo = end;
            best = t;
          }
        }
      }
      if (best) return best;
    }
    return ents[0]!;
  }

  private personOf(
    a: Atom,
  ): { entity: ActorEntity; target: Extract<PhraseTarget, { type: "entity" }> | null } | null {
    if (a.local) return null;
    const t = this.pickEntity(a.targets);
    if (!t) return null;
    const e = this.k.entities[t.entity]!;
    return e.kind === "person" ? { entity: e, target: t } : null;
  }

  private nameWord(words: readonly SentenceWord[], q: number, first: boolean): boolean {
    const w = words[q]!;
    if (w.punct || w.key === "'s") return false;
    if (NAME_PARTICLES.has(w.key) && !first) return !!words[q + 1]?.caps;
    if (!w.caps || NOT_NAMES.has(w.key)) return false;
    return (
      w.pos !== "ADP" &&
      w.pos !== "DET" &&
      w.pos !== "PRON" &&
      w.pos !== "CCONJ" &&
      w.pos !== "AUX" &&
      w.pos !== "PART"
    );
  }

  /** A one-word title inside a name after a first name ("Defence Secretary Tom King", "Mr. Prince"). */
  private titleInName(
    words: readonly SentenceWord[],
    atoms: Array<Atom | undefined>,
    q: number,
    nameStart: number,
  ): boolean {
    const a = atoms[q]!;
    return (
      q > nameStart && a.j === q + 1 && words[q]!.caps === 1 && !!this.agentOf(a) && words[q - 1]!.caps > 0
    );
  }

  /**
   * "Senator Bishop", "Judge Marshal", "Mayor Baker": a capitalised one-word agent noun right after a person's
   * title, with no capitalised word after it, is the person's surname, not a second agent ("Lieutenant General
   * Ray Odierno" keeps its two titles: a name follows).
   */
  private agentAsSurname(words: readonly SentenceWord[], atoms: Array<Atom | undefined>, q: number): boolean {
    const a = atoms[q];
    const w = words[q];
    if (!a || !w || a.j !== q + 1 || w.caps !== 1 || q === 0) return false;
    const agent = this.agentOf(a);
    if (!agent || agent.plural) return false;
    let p = q - 1;
    while (p > 0 && !atoms[p]) p--;
    const prev = atoms[p];
    const title = prev && prev.j === q ? this.agentOf(prev) : null;
    const t = title?.entry;
    if (!t || title.plural || !t.flags.has("title") || !t.flags.has("person") || t.flags.has("generic"))
      return false; // "Chief Rabbi": a generic title is completed by the noun after it
    if (!words.slice(prev!.i, q).every((x) => x.caps > 0)) return false;
    const next = words[q + 1];
    if (next?.key === "of") return false; // "Deputy Minister of …"
    return !next || next.punct || next.caps === 0 || next.key === "'s";
  }

  /**
   * "Gazprom chairman X", "the bank's chief executive", "Toyota Motor Corp's president": a person's office (a GOV
   * title such as chairman, chief executive, president) held in a business — a company named before it (an
   * organisation coded BUS) or a business noun owning it ("the company's", "the firm's") — is BUS.
   */
  private businessOwned(
    words: readonly SentenceWord[],
    atoms: Array<Atom | undefined>,
    premods: readonly Premod[],
    run: AgentRun,
  ): boolean {
    const head = run.agents[run.agents.length - 1]!;
    if (run.sector !== "GOV" || !head.flags.has("person")) return false;
    const last = premods[premods.length - 1];
    if (last?.entity && (last.entity.kind === "group" || last.entity.kind === "actor"))
      return splitActorCode(last.reading.code).sector === "BUS";
    if (premods.length || run.start < 1) return false;
    // "Toyota chief executive X": only Hong Kong and Macau (both known) have a government chief executive, so an
    // unknown capitalised name before the title is a company
    const before = words[run.start - 1]!;
    const n = before.key === "'s" ? run.start - 2 : run.start - 1; // "Toyota's chief executive"
    const named = n >= 0 ? words[n]! : null;
    if (head.role === "chief executive" && named && named.caps > 0 && !named.punct) {
      let b = n;
      while (b > 0 && !atoms[b]) b--;
      if (!atoms[b] || atoms[b]!.j <= n) return true;
    }
    if (run.start < 2 || before.key !== "'s") return false;
    let p = run.start - 2;
    while (p > 0 && !atoms[p]) p--;
    const owner = atoms[p] && atoms[p]!.j === run.start - 1 ? this.agentOf(atoms[p]!) : null;
    return !!owner && owner.entry.sector === "BUS" && owner.entry.flags.has("institution");
  }

  private isFiller(w: SentenceWord): boolean {
    if (w.punct || w.caps === 2) return false;
    return (
      FILLERS.has(w.key) ||
      ((w.pos === "ADJ" || (w.pos === "NOUN" && !w.caps) || (w.pos === "VERB" && w.key.endsWith("ing"))) &&
        !PRONOUNS.has(w.key))
    );
  }

  /** True if an agent noun starts within the next few words (the most fillers an agent run allows). */
  private agentAhead(atoms: Array<Atom | undefined>, k: number): boolean {
    for (let q = k; q <= k + 4 && q < atoms.length; q++) {
      const a = atoms[q];
      if (a) return a.targets[0]?.type === "agent" || a.targets.some((t) => t.type === "agent");
    }
    return false;
  }

  /** Fillers and then one or more agent nouns starting at `p` ("top military officials"). */
  private agentRun(
    words: readonly SentenceWord[],
    atoms: Array<Atom | undefined>,
    p: number,
  ): AgentRun | null {
    let q = p;
    let fillers = 0;
    for (;;) {
      const a = atoms[q];
      if (a) {
        const agent = this.agentOf(a);
        if (agent && !this.isModifier(words, atoms, a, agent)) break;
        if (!agent) return null;
      } else {
        const w = words[q];
        if (!w || w.punct || w.caps === 2) return null;
        const filler =
          FILLERS.has(w.key) ||
          ((w.pos === "ADJ" || (w.pos === "NOUN" && !w.caps)) && !PRONOUNS.has(w.key)) ||
          (w.pos === "VERB" && !w.caps && w.key.endsWith("ing")); // "Algeria's leading rights activist"
        if (!filler) return null;
      }
      if (++fillers > 3) return null;
      q = atoms[q]?.j ?? q + 1;
    }
    const agents: AgentEntry[] = [];
    let plural = false;
    let end = q;
    while (atoms[end]) {
      const a = atoms[end]!;
      const agent = this.agentOf(a);
      if (!agent) break;
      if (agents.length && this.agentAsSurname(words, atoms, end)) break;
      agents.push(agent.entry);
      plural = agent.plural;
      end = a.j;
      if (this.isModifier(words, atoms, a, agent)) {
        agents.pop();
        end = a.i;
        break;
      }
    }
    if (!agents.length) return null;
    let sector = agents[agents.length - 1]!.sector;
    for (let n = agents.length - 1; n >= 0; n--) {
      const ag = agents[n]!;
      if (!ag.flags.has("generic")) {
        sector = ag.sector;
        break;
      }
    }
    return { start: q, end, agents, plural, sector };
  }

  /** A singular agent noun directly before another noun modifies it ("military alliance", "refugee camp"). */
  private isModifier(
    words: readonly SentenceWord[],
    atoms: Array<Atom | undefined>,
    a: Atom,
    agent: { plural: boolean },
  ): boolean {
    if (agent.plural) return false;
    const nx = words[a.j];
    if (!nx || nx.punct || atoms[a.j] || nx.caps) return false;
    return nx.pos === "NOUN" || nx.pos === "ADJ";
  }

  private agentOf(a: Atom): { entry: AgentEntry; plural: boolean } | null {
    const t = a.targets.find((x) => x.type === "agent");
    if (t?.type !== "agent" || a.targets.some((x) => x.type === "entity")) return null;
    return { entry: this.k.agents[t.agent]!, plural: t.plural };
  }

  private baseOf(pm: Premod): string {
    return baseOfCode(pm.reading.code);
  }

  /** The actor an agent noun stands for when an actor is named before it: "Russian" + troops → RUSMIL. */
  private combine(pm: Premod, head: AgentEntry, sector: string, text: string, plural: boolean): ActorReading {
    const r = pm.reading;
    let code: string;
    if (pm.entity?.kind === "group" || pm.entity?.kind === "actor") {
      code =
        splitActorCode(r.code).sector && sector !== "ELI" ? r.code : codeWith(baseOfCode(r.code), sector);
    } else if (r.country === "IGO" || r.country === "NGO") {
      const base = baseOfCode(r.code);
      const parts: string[] = base.match(/.{3}/g) ?? [];
      code = sector === "GOV" || parts.includes(sector) ? base : `${base}${sector}`;
    } else {
      code = codeWith(baseOfCode(r.code), sector);
    }
    const parts = splitActorCode(code);
    return {
      code,
      country: parts.country,
      sector: parts.sector,
      name: `${r.name} ${head.plural ?? head.singular ?? ""}`.trim(),
      kind: "agent",
      entity: head.id,
      why: `agent '${text}' → ${sector} of ${r.name} (${r.code})`,
      gender: null,
      personLike: !plural && head.flags.has("person"),
      plural,
      role: null,
    };
  }

  /** "the Russian president" → the person holding that office on the date, if known. */
  private describe(
    pm: Premod,
    head: AgentEntry,
    words: readonly SentenceWord[],
    start: number,
    end: number,
  ): ActorReading | null {
    const r = pm.reading;
    if (r.entity.startsWith("region:")) return null; // "the Ontario premier" is not Canada's prime minister
    const base = baseOfCode(r.code);
    const role = head.role!;
    let holder: ActorEntity | null = null;
    if (pm.entity?.kind === "group") {
      holder =
        this.k
          .officeHolders(splitActorCode(r.code).country ?? base, role, this.date)
          .find((h) => h.term.code === r.code)?.entity ?? null;
    } else holder = this.holder(base, role, this.date);
    if (!holder) return null;
    const reading = this.entityReading(holder, null, role);
    const text = span(words, start, end);
    return {
      ...reading,
      kind: "description",
      why: `coref: ${text} → ${holder.name} (${role} of ${base} on ${this.date ?? "the current date"}); ${reading.why}`,
    };
  }

  private holder(base: string, role: string, date: string | null): ActorEntity | null {
    if (role === "leader") return this.k.leaderOf(base, date ?? this.date)?.entity ?? null;
    return this.k.officeHolders(base, role, date ?? this.date)[0]?.entity ?? null;
  }

  /** Reads an entity as an actor on the article date. */
  private entityReading(
    e: ActorEntity,
    t: Extract<PhraseTarget, { type: "entity" }> | null,
    preferRole: string | null,
    preferSector: string | null = null,
  ): ActorReading {
    if (e.kind === "country" || (t && t.form === "metonym")) {
      const code = t?.code ?? e.terms[0]?.code ?? "---";
      const parts = splitActorCode(code);
      const form = t?.form ?? "name";
      const why =
        form === "metonym"
          ? `metonym → ${code} (${t?.note || "seat of government"})`
          : form === "adjective"
            ? `country: ${e.name} (adjective)`
            : form === "people"
              ? `country: ${e.name} (its people)`
              : `country: ${e.name}`;
      return {
        code,
        country: parts.country,
        sector: parts.sector,
        name: e.name,
        kind: "country",
        entity: e.id,
        why,
        gender: null,
        personLike: false,
        plural: form === "people",
        role: null,
      };
    }
    const choice = this.k.codeAt(e, this.date, preferRole, preferSector);
    const parts = splitActorCode(choice.code);
    const kind: MentionKind = e.kind === "person" ? "person" : e.kind === "igo" ? "igo" : "group";
    const label = e.kind === "person" ? "person" : e.kind === "igo" ? "organisation" : "group";
    return {
      code: choice.code,
      country: parts.country,
      sector: parts.sector,
      name: e.name,
      kind,
      entity: e.id,
      why: `${label}: ${choice.why}`,
      gender: e.gender,
      personLike: e.kind === "person",
      plural: e.kind === "group",
      role: choice.term?.role ?? null,
    };
  }

  /** The plain country of a reading ("China's army" → China), for "the country" and "the two countries". */
  private countryReading(r: ActorReading): ActorReading {
    const e = r.country ? this.k.entityOfCode(r.country) : undefined;
    return e ? this.entityReading(e, null, null) : r;
  }

  // ── coreference ────────────────────────────────────────────────────────────────────────────────────────

  private pronoun(
    words: readonly SentenceWord[],
    atoms: Array<Atom | undefined>,
    k: number,
    s: Sentence,
  ): number {
    const w = words[k]!;
    const g = PRONOUNS.get(w.key)!;
    const objectForm =
      w.key === "him" ||
      (w.key === "her" &&
        !POSSESSIVE_PRONOUNS.has(words[k + 1]?.key ?? "") &&
        words[k + 1]?.pos !== "NOUN" &&
        words[k + 1]?.pos !== "ADJ");
    const subject = this.subjectPronoun?.sentence === s.index ? this.subjectPronoun.entity : null;
    if (g === "n" && !this.agentRun(words, atoms, k + 1)) return k + 1; // "its annexation": not an actor
    const readings =
      g === "pl"
        ? this.discourse.plural(s.index)
        : g === "n"
          ? [this.discourse.owner(s.index)].filter((r): r is ActorReading => !!r)
          : [this.discourse.person(g, s.index, 4, objectForm ? subject : null)].filter(
              (r): r is ActorReading => !!r,
            );
    if (!readings?.length) return k + 1;
    if (POSSESSIVE_PRONOUNS.has(w.key)) {
      const run = this.agentRun(words, atoms, k + 1);
      if (run && run.start === k + 1) {
        const head = run.agents[run.agents.length - 1]!;
        const text = span(words, run.start, run.end);
        const combined = readings.map((r) => {
          const c = this.combine(
            {
              i: k,
              j: k + 1,
              reading: r,
              entity: this.k.entity(r.entity) ?? null,
              backer: false,
              form: null,
            },
            head,
            run.sector,
            text,
            run.plural,
          );
          return { ...c, kind: "pronoun" as const, why: `coref: ${w.text} → ${r.name}; ${c.why}` };
        });
        this.emit(words, k, run.end, combined, s);
        return run.end;
      }
    }
    const out = readings.map((r) => ({
      ...r,
      kind: "pronoun" as const,
      why: `coref: ${w.text} → ${r.name} (${r.code})`,
    }));
    this.emit(words, k, k + 1, out, s, false);
    if ((w.key === "he" || w.key === "she") && readings[0])
      this.subjectPronoun = { sentence: s.index, entity: readings[0].entity };
    return k + 1;
  }

  private reference(words: readonly SentenceWord[], atom: Atom, s: Sentence): number {
    const t = atom.targets[0] as Extract<PhraseTarget, { type: "reference" }>;
    let readings: readonly ActorReading[] | null = null;
    if (t.refers === "country")
      readings = this.discourse.lastCountries(t.count, s.index)?.map((r) => this.countryReading(r)) ?? null;
    else if (t.refers === "actor" && t.count === 2) readings = this.discourse.lastTwoActors(s.index);
    else if (t.refers === "person" && t.count === 2) {
      const a = this.discourse.lastWhere((r) => r.kind === "person", s.index);
      const b = a
        ? this.discourse.lastWhere((r) => r.kind === "person" && r.entity !== a.entity, s.index)
        : null;
      readings = a && b ? [b, a] : null;
    } else {
      const kind = t.refers;
      const r = this.discourse.lastWhere(
        (x) => (kind === "actor" ? x.kind !== "pronoun" : kind === "person" ? x.personLike : x.kind === kind),
        s.index,
      );
      readings = r ? [r] : null;
    }
    if (!readings?.length) return atom.j;
    const text = span(words, atom.i, atom.j);
    const out = readings.map((r) => ({
      ...r,
      kind: "description" as const,
      why: `coref: ${text} → ${r.name} (${r.code})`,
    }));
    this.emit(words, atom.i, atom.j, out, s, false);
    this.discourse.add(out, s.index, out.length > 1);
    return atom.j;
  }

  /** Groups and organisations named before a head ("Hamas leader …") are remembered for "the group" and "they". */
  private recordOrganisations(premods: readonly Premod[], s: Sentence): void {
    for (const pm of premods) {
      const kind = pm.entity?.kind;
      if (kind === "group" || kind === "igo") this.discourse.add([pm.reading], s.index, false);
    }
  }

  // ── output ─────────────────────────────────────────────────────────────────────────────────────────────

  private emitPremods(words: readonly SentenceWord[], premods: readonly Premod[], s: Sentence): void {
    const kept: ActorReading[] = [];
    for (const pm of premods) {
      let r = pm.reading;
      if (r.entity.startsWith("region:")) continue; // a region is only the country of the title after it
      if (pm.form === "metonym") {
        // a capital as a place ("in Moscow") is the country, not its government; before a noun ("a Kabul
        // hospital") it only says where something is.
        const nx = words[pm.j];
        const before = pm.i > 0 ? words[pm.i - 1]!.key : "";
        const prev = before === "the" && pm.i > 1 ? words[pm.i - 2]!.key : before;
        const modifier =
          nx &&
          !nx.punct &&
          nx.key !== "'s" &&
          premods.length === 1 &&
          (nx.pos === "NOUN" || (nx.pos === "PROPN" && nx.caps > 0 && !nx.joined));
        if ((PLACE_PREPOSITIONS.has(prev) || modifier) && r.entity.startsWith("country:")) {
          const country = r.country ?? r.code;
          const how = modifier ? `'${words[pm.i]!.text} ${nx!.text}'` : `'${prev} ${words[pm.i]!.text}'`;
          r = {
            ...r,
            code: country,
            sector: null,
            why: `place: ${how} → ${country} (a capital named as a location)`,
          };
        }
      }
      this.emit(words, pm.i, pm.j, [r], s, false);
      kept.push(r);
    }
    // actors joined by "and" or a hyphen are named together ("Russia and China", "Russia-China")
    this.discourse.add(kept, s.index, kept.length > 1);
  }

  /**
   * Emits one mention per reading, all with the span of words `[i, j)`; records them in the discourse unless told
   * not to. Actors emitted one after another with only "and" or a comma between them form a compound for "they".
   */
  private emit(
    words: readonly SentenceWord[],
    i: number,
    j: number,
    readings: readonly ActorReading[],
    s: Sentence,
    record = true,
  ): void {
    const prev = this.lastEmitted;
    if (
      prev &&
      prev.sentence === s.index &&
      prev.words === words &&
      readings.every((r) => r.kind !== "pronoun")
    ) {
      const between = words.slice(prev.j, i);
      if (between.length === 1 && COORDINATORS.has(between[0]!.key)) {
        const members = [...prev.readings, ...readings];
        this.pendingCompound = members;
      } else this.pendingCompound = null;
    } else this.pendingCompound = null;
    this.lastEmitted = { sentence: s.index, words, j, readings: this.pendingCompound ?? readings };
    if (this.sentenceEmits.words !== words) this.sentenceEmits = { words, list: [] };
    this.sentenceEmits.list.push({ i, j, readings });
    const start = words[i]!.start;
    const end = words[j - 1]!.end;
    const { tokenStart, tokenEnd } = tokenRange(this.doc, start, end, s);
    for (const r of readings) {
      this.out.push({
        start,
        end,
        tokenStart,
        tokenEnd,
        sentence: s.index,
        text: this.doc.text.slice(start, end),
        code: r.code,
        country: r.country,
        sector: r.sector,
        name: r.name,
        kind: r.kind,
        entity: r.entity,
        why: r.why,
      });
    }
    if (record) this.discourse.add(readings, s.index, readings.length > 1);
  }

  /** Records the compound the last emitted mentions formed, after the chunk that closed it has recorded its own parts. */
  private flushCompound(s: Sentence): void {
    if (this.pendingCompound) this.discourse.add(this.pendingCompound, s.index, true);
    this.pendingCompound = null;
  }
}

interface AgentRun {
  readonly start: number;
  readonly end: number;
  readonly agents: readonly AgentEntry[];
  readonly plural: boolean;
  readonly sector: string;
}

function anySkipped(
  words: readonly SentenceWord[],
  i: number,
  j: number,
  skip: (w: SentenceWord) => boolean,
): boolean {
  for (let q = i; q < j; q++) if (skip(words[q]!)) return true;
  return false;
}

/**
 * Skips an unknown proper name of up to four capitalised words, each optionally glossed in brackets ("Azadliq
 * (Freedom)"), so that the agent noun after it can be read; returns `p` itself if there is none.
 */
function skipUnknownName(words: readonly SentenceWord[], atoms: Array<Atom | undefined>, p: number): number {
  let q = p;
  let names = 0;
  while (q < words.length && names < 4) {
    const w = words[q]!;
    if (atoms[q] || !w.caps || w.punct) break;
    q++;
    names++;
    if (words[q]?.text === "(") {
      let r = q + 1;
      while (r < words.length && r < q + 5 && words[r]!.text !== ")") r++;
      if (words[r]?.text !== ")") break;
      q = r + 1;
    }
  }
  return names ? q : p;
}

function codeWith(base: string, sector: string): string {
  return SECTOR_CODES.has(sector) ? `${base}${sector}` : base;
}

function span(words: readonly SentenceWord[], i: number, j: number): string {
  return words
    .slice(i, j)
    .map((w) => w.text)
    .join(" ");
}

/** Modifiers that keep an unnamed agent the same referent as one named before ("the senior officials", "two soldiers"). */
const SAME_REFERENT_MODIFIERS = new Set([
  "senior",
  "top",
  "new",
  "acting",
  "interim",
  "visiting",
  "same",
  "both",
]);
/** Words that close the modifiers before a noun (determiners, quantifiers). */
const MODIFIER_STOPS = new Set([
  "the",
  "a",
  "an",
  "this",
  "that",
  "these",
  "those",
  "some",
  "many",
  "several",
  "all",
]);

/**
 * True when the words right before word `start` modify the noun only in ways that keep it the referent named
 * before: none, numbers, or SAME_REFERENT_MODIFIERS. False for any other adjective, noun or name ("foreign",
 * "political", "African", "Mr", "deputy", "campaign").
 */
function plainModifiers(words: readonly SentenceWord[], start: number): boolean {
  for (let q = start - 1; q >= Math.max(0, start - 4); q--) {
    const w = words[q]!;
    if (w.punct || MODIFIER_STOPS.has(w.key)) return true;
    if (w.pos === "NUM" || SAME_REFERENT_MODIFIERS.has(w.key)) continue;
    const modifier =
      FILLERS.has(w.key) || w.pos === "ADJ" || w.pos === "NOUN" || w.pos === "PROPN" || w.caps > 0;
    if (modifier) return false;
    return true;
  }
  return true;
}

/** Agent entries by id with their head nouns, per knowledge base. */
const AGENTS_BY_ID = new WeakMap<ActorKnowledge, Map<string, { entry: AgentEntry; noun: string | null }>>();

/** The last word of an agent noun, singular where it has one ("foreign ministry" → "ministry", "armed forces" → "forces"). */
function headNoun(a: AgentEntry): string | null {
  const name = a.singular ?? a.plural;
  if (!name) return null;
  const parts = name.toLowerCase().split(/\s+/);
  return parts[parts.length - 1] ?? null;
}

function agentReading(
  head: AgentEntry,
  sector: string,
  country: string | null,
  why: string,
  plural: boolean,
): ActorReading {
  const code = `${country ?? "---"}${sector}`;
  return {
    code,
    country,
    sector,
    name: head.plural && plural ? head.plural : (head.singular ?? head.plural ?? head.id),
    kind: "agent",
    entity: head.id,
    why,
    gender: null,
    personLike: !plural && head.flags.has("person"),
    plural,
    role: null,
  };
}

function sentenceWordsOf(text: string): SentenceWord[] {
  return phraseWords(text);
}
