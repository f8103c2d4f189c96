import { baseOfCode, splitActorCode, withSector } from "./actor-code.js";
import type { PhraseTrie } from "./phrase-trie.js";
import { phraseWords } from "./phrase-words.js";

export type ActorEntityKind = "country" | "person" | "igo" | "group" | "actor";

/** One code an actor carries, optionally bounded by dates (`from` inclusive, `to` exclusive) and tied to an office. */
export interface ActorTerm {
  readonly code: string;
  readonly role: string | null;
  readonly from: string | null;
  readonly to: string | null;
  /** `file:line` of the line that defined it. */
  readonly at: string;
}

/** A country, person, organisation or group, with every code it carries over time. */
export interface ActorEntity {
  readonly index: number;
  /** `country:RUS`, `person:vladimir-putin`, `igo:un`, `group:taliban`. */
  readonly id: string;
  readonly kind: ActorEntityKind;
  readonly name: string;
  readonly gender: "m" | "f" | null;
  readonly terms: readonly ActorTerm[];
  readonly at: string;
}

export type AgentFlag = "title" | "generic" | "person" | "institution" | "collective";

/** A role noun: "troops" → MIL, "foreign minister" → GOV (role: foreign minister). */
export interface AgentEntry {
  readonly index: number;
  readonly id: string;
  readonly singular: string | null;
  readonly plural: string | null;
  readonly sector: string;
  readonly role: string | null;
  readonly flags: ReadonlySet<AgentFlag>;
  readonly at: string;
}

/** How a phrase names an entity: by name, as an adjective ("Russian"), as its people ("Russians"), or by a seat of power. */
export type PhraseForm = "name" | "adjective" | "people" | "metonym";

/** What a phrase in the trie stands for. */
export type PhraseTarget =
  | {
      readonly type: "entity";
      readonly entity: number;
      readonly form: PhraseForm;
      readonly code: string | null;
      readonly note: string;
    }
  | { readonly type: "agent"; readonly agent: number; readonly plural: boolean }
  | {
      readonly type: "reference";
      readonly refers: "country" | "person" | "group" | "igo" | "actor";
      readonly count: 1 | 2;
      readonly phrase: string;
    }
  | { readonly type: "block"; readonly phrase: string }
  | { readonly type: "ethnic"; readonly group: number; readonly plural: boolean };

/** An ethnic or religious community ("Kurds"): it is no state, and names one only where it has a single homeland. */
export interface EthnicGroup {
  readonly index: number;
  /** `ethnic:kurds`. */
  readonly id: string;
  readonly name: string;
  readonly homeland: string | null;
  readonly at: string;
}

/** A city that is the seat of international organisations (data/actors seats.tsv). */
export interface Seat {
  /** The host state's code (`BEL`). */
  readonly host: string;
  readonly organisations: readonly ActorEntity[];
}

/** The code an entity carries on a date, and why. */
export interface CodeChoice {
  readonly code: string;
  readonly term: ActorTerm | null;
  readonly why: string;
}

/** The role that leads each country's government when a text says "the Russian leader". */
const DEFAULT_LEADER_ROLES = [
  "supreme leader",
  "president",
  "king",
  "queen",
  "emir",
  "sultan",
  "prime minister",
  "chancellor",
  "general secretary",
  "secretary-general",
  "director-general",
  "managing director",
  "chairman",
  "leader",
];

/**
 * The compiled actor knowledge: entities, agents, the phrase trie and an index of offices. Built once by
 * `compileActorKnowledge`, then shared read-only (it is safe to use from many documents at once).
 */
export class ActorKnowledge {
  private readonly byId = new Map<string, ActorEntity>();
  private readonly offices = new Map<string, Array<{ entity: ActorEntity; term: ActorTerm }>>();
  private readonly byCode = new Map<string, ActorEntity>();

  constructor(
    readonly entities: readonly ActorEntity[],
    readonly agents: readonly AgentEntry[],
    readonly trie: PhraseTrie<PhraseTarget>,
    /** Country code → the role of its leader, where that is not the president (DEU → chancellor). */
    readonly leaderRoles: ReadonlyMap<string, string>,
    /** Files the knowledge was read from, with the number of rows each kind contributed. */
    readonly counts: Readonly<Record<string, number>>,
    /** Ethnic and religious communities, indexed by the `group` of an `ethnic` phrase target. */
    readonly ethnicGroups: readonly EthnicGroup[] = [],
    /** City (its words' keys, "addis ababa") → its host state and the international organisations seated there. */
    private readonly seats: ReadonlyMap<string, Seat> = new Map(),
  ) {
    for (const e of entities) {
      this.byId.set(e.id, e);
      for (const t of e.terms) {
        if (!t.role) continue;
        const key = `${baseOfCode(t.code)}|${t.role}`;
        const list = this.offices.get(key) ?? [];
        if (!list.length) this.offices.set(key, list);
        list.push({ entity: e, term: t });
      }
      if (e.kind === "country" || e.kind === "igo") {
        const code = e.terms[0]?.code;
        if (code && !this.byCode.has(code)) this.byCode.set(code, e);
      }
    }
  }

  entity(id: string): ActorEntity | undefined {
    return this.byId.get(id);
  }

  /** The country (or organisation) entity whose plain code is `code` (`RUS`, `IGOUNO`). */
  entityOfCode(code: string): ActorEntity | undefined {
    return this.byCode.get(code);
  }

  /** The international organisations seated in `city` ("Brussels" → EU, NATO) and its host state; null for any other place. */
  seatIn(city: string): Seat | null {
    if (!this.seats.size) return null;
    const key = phraseWords(city)
      .map((w) => w.key)
      .join(" ");
    return this.seats.get(key) ?? null;
  }

  /** Everything a phrase can stand for, as the matcher would see it written exactly so. */
  lookup(phrase: string): readonly PhraseTarget[] {
    return this.trie.exact(phraseWords(phrase));
  }

  /** The people who held `role` for `base` (a country or IGO code) on `date`; with no date, those holding it now (open term). */
  officeHolders(
    base: string,
    role: string,
    date: string | null,
  ): Array<{ entity: ActorEntity; term: ActorTerm }> {
    const list = this.offices.get(`${base}|${role}`) ?? [];
    const hits = list.filter(({ term }) => (date ? covers(term, date) : term.to === null));
    return hits.sort((a, b) => (b.term.from ?? "").localeCompare(a.term.from ?? ""));
  }

  /** The one country (or organisation) whose office `role` is, when only one has it on file ("pope" → VAT). */
  soleBaseOfRole(role: string): string | null {
    let found: string | null = null;
    for (const key of this.offices.keys()) {
      const bar = key.lastIndexOf("|");
      if (key.slice(bar + 1) !== role) continue;
      if (found !== null) return null;
      found = key.slice(0, bar);
    }
    return found;
  }

  /** The leader of `base` on `date`: the holder of the country's leading office (president unless data says otherwise). */
  leaderOf(base: string, date: string | null): { entity: ActorEntity; term: ActorTerm } | null {
    const first = this.leaderRoles.get(base);
    for (const role of first ? [first, ...DEFAULT_LEADER_ROLES] : DEFAULT_LEADER_ROLES) {
      const h = this.officeHolders(base, role, date)[0];
      if (h) return h;
    }
    return null;
  }

  /**
   * The code `entity` carries on `date`. A term covering the date wins (one whose role is `preferRole` first, then
   * one in `preferSector`); a person outside every office is coded as a former official, `<country>ELI`, unless a
   * title in the text names an office none of the person's terms records (its role, or for a role-less title its
   * sector): then the title's sector ("Senator X" → LEG when only a later cabinet post is on record); with no
   * date, the term with `preferRole`, else the term in `preferSector` (the sector a title in the text names:
   * "General X" → the military office), else the current (open) term, else the undated default, else the latest.
   */
  codeAt(
    entity: ActorEntity,
    date: string | null,
    preferRole: string | null = null,
    preferSector: string | null = null,
  ): CodeChoice {
    const terms = entity.terms;
    const undated = terms.find((t) => !t.from && !t.to) ?? null;
    const dated = terms.filter((t) => t.from || t.to);
    const inSector = (t: ActorTerm) => !!preferSector && splitActorCode(t.code).sector === preferSector;
    const pick = (ts: readonly ActorTerm[]): ActorTerm | null => {
      if (!ts.length) return null;
      const byRole = preferRole ? ts.filter((t) => t.role === preferRole) : [];
      const bySector = byRole.length ? [] : ts.filter(inSector);
      const pool = byRole.length ? byRole : bySector.length ? bySector : ts;
      return [...pool].sort((a, b) => (b.from ?? "").localeCompare(a.from ?? ""))[0] ?? null;
    };
    if (date) {
      const t = pick(dated.filter((x) => covers(x, date)));
      if (t) return { code: t.code, term: t, why: describeTerm(entity, t) };
      if (undated) return { code: undated.code, term: undated, why: entity.name };
      if (dated.length) {
        const before = dated.filter((x) => x.to && x.to <= date).sort((a, b) => b.to!.localeCompare(a.to!));
        const after = dated
          .filter((x) => x.from && x.from > date)
          .sort((a, b) => a.from!.localeCompare(b.from!));
        const near = before[0] ?? after[0]!;
        if (
          preferSector &&
          preferSector !== "ELI" &&
          !VAGUE_TITLE_ROLES.has(preferRole ?? "") &&
          !holdsTitle(dated, preferRole, preferSector)
        ) {
          // "Senator Obama" in 2008, "Governor Matviyenko" in 2005: the title names an office the knowledge base
          // does not record for this person, so the text is the better witness of what they were on the date
          const code = withSector(baseOfCode(near.code), preferSector);
          const title = preferRole ?? preferSector;
          return {
            code,
            term: null,
            why: `${entity.name}: no recorded office on ${date}; titled ${title}, an office not on record → ${code}`,
          };
        }
        const code = `${baseOfCode(near.code)}ELI`;
        const when = before[0]
          ? `former ${near.role ?? "office holder"} (${rangeText(near)})`
          : `before taking office as ${near.role ?? "office holder"} (${rangeText(near)})`;
        return { code, term: null, why: `${entity.name}, ${when}: not in office on ${date}` };
      }
      return { code: "---", term: null, why: entity.name };
    }
    const t =
      (preferRole ? pick(terms.filter((x) => x.role === preferRole)) : null) ??
      pick(terms.filter(inSector)) ??
      pick(dated.filter((x) => x.from && !x.to)) ??
      undated ??
      pick(dated);
    if (!t) return { code: "---", term: null, why: entity.name };
    return { code: t.code, term: t, why: `${describeTerm(entity, t)} (no article date)` };
  }
}

/**
 * Titles that name no particular office: "leader X" is as often a party's or the opposition's leader as the
 * government's, so it is no evidence against a former official ("Opposition leader X" names its sector: OPP).
 */
const VAGUE_TITLE_ROLES = new Set(["leader"]);

/**
 * Whether the recorded terms include the office a title in the text names: one with its role, or for a title with
 * no role ("Senator", "General"), one in its sector. A title the terms do include ("President Bush" in 2012) is
 * read as a former office.
 */
function holdsTitle(terms: readonly ActorTerm[], role: string | null, sector: string): boolean {
  return role
    ? terms.some((t) => t.role === role)
    : terms.some((t) => splitActorCode(t.code).sector === sector);
}

export function covers(t: ActorTerm, date: string): boolean {
  return (!t.from || t.from <= date) && (!t.to || date < t.to);
}

function rangeText(t: ActorTerm): string {
  return `${t.from ?? ""}..${t.to ?? ""}`;
}

function describeTerm(e: ActorEntity, t: ActorTerm): string {
  if (!t.from && !t.to && !t.role) return e.name;
  const role = t.role ? `${t.role} of ${baseOfCode(t.code)}` : t.code;
  return `${e.name}, ${role} ${rangeText(t)}`;
}
