import { baseOfCode } from "./actor-code.js";
import type { ActorRows } from "./actor-file-schemas.js";
import {
  type ActorEntity,
  type ActorEntityKind,
  ActorKnowledge,
  type ActorTerm,
  type AgentEntry,
  type AgentFlag,
  type EthnicGroup,
  type PhraseForm,
  type PhraseTarget,
} from "./actor-knowledge.js";
import { PhraseTrie } from "./phrase-trie.js";
import { type PhraseWord, phraseWords } from "./phrase-words.js";
import type { ActorFileProblem } from "./read-actor-files.js";
import type { WorldCountryNames } from "./world-country-names.js";

interface MutableEntity {
  index: number;
  id: string;
  kind: ActorEntityKind;
  name: string;
  gender: "m" | "f" | null;
  terms: ActorTerm[];
  at: string;
}

function problemAt(at: string, reason: string): ActorFileProblem {
  const i = at.lastIndexOf(":");
  return { file: at.slice(0, i), line: Number(at.slice(i + 1)) || 0, reason };
}

/**
 * Compiles validated rows (and the generated country names) into `ActorKnowledge`. Checks what a single line
 * cannot: a person's lines agree on name and gender, roles exist among the agents, metonym codes name a known
 * country. Hand-written phrases are inserted before generated ones, so on a tie the data files win.
 */
export function compileActorKnowledge(
  rows: ActorRows,
  world: readonly WorldCountryNames[],
): { knowledge: ActorKnowledge; problems: ActorFileProblem[] } {
  const problems: ActorFileProblem[] = [];
  const trie = new PhraseTrie<PhraseTarget>();
  const entities: MutableEntity[] = [];
  const byId = new Map<string, MutableEntity>();
  const addPhrase = (
    text: string | readonly PhraseWord[],
    target: PhraseTarget,
    at: string | null,
    dedupeKey: string,
  ): void => {
    const words = typeof text === "string" ? phraseWords(text) : text;
    if (!trie.insert(words, target, dedupeKey) && at)
      problems.push(problemAt(at, `phrase '${String(text)}' has no usable words (punctuation?)`));
  };
  const newEntity = (id: string, kind: ActorEntityKind, name: string, at: string): MutableEntity => {
    const e: MutableEntity = { index: entities.length, id, kind, name, gender: null, terms: [], at };
    entities.push(e);
    byId.set(id, e);
    return e;
  };

  // Agents first: their roles are the vocabulary people's offices are checked against.
  const agents: AgentEntry[] = [];
  const roles = new Set<string>();
  for (const r of rows.agents) {
    const name = r.singular !== "-" ? r.singular : r.plural;
    const agent: AgentEntry = {
      index: agents.length,
      id: `agent:${name.toLowerCase().replace(/[^a-z0-9]+/g, "-")}`,
      singular: r.singular === "-" ? null : r.singular,
      plural: r.plural === "-" ? null : r.plural,
      sector: r.sector,
      role: r.role,
      flags: new Set(r.flags as AgentFlag[]),
      at: r.at,
    };
    agents.push(agent);
    if (r.role) roles.add(r.role);
    if (agent.singular)
      addPhrase(
        agent.singular,
        { type: "agent", agent: agent.index, plural: agent.flags.has("collective") },
        r.at,
        `a${agent.index}s`,
      );
    if (agent.plural)
      addPhrase(agent.plural, { type: "agent", agent: agent.index, plural: true }, r.at, `a${agent.index}p`);
  }

  // Countries: the overlay decides codes and drops; then hand-written names, then the package's.
  const codeOf = new Map<string, string>();
  const dropped = new Set<string>();
  const leaderRoles = new Map<string, string>();
  for (const r of rows.countries) {
    if (r.relation === "code") codeOf.set(r.country, r.phrase);
    if (r.relation === "drop")
      dropped.add(
        `${r.country}|${phraseWords(r.phrase)
          .map((w) => w.key)
          .join(" ")}`,
      );
    if (r.relation === "leader") {
      if (!roles.has(r.phrase))
        problems.push(problemAt(r.at, `leader role '${r.phrase}' is not a role of any agent`));
      leaderRoles.set(r.country, r.phrase);
    }
  }
  const countryOfIso = (iso: string): string => codeOf.get(iso) ?? iso;
  const worldByCode = new Map(world.map((w) => [countryOfIso(w.iso3), w]));
  const countryEntity = (code: string, at: string): MutableEntity => {
    const id = `country:${code}`;
    const found = byId.get(id);
    if (found) return found;
    const w = worldByCode.get(code);
    const e = newEntity(id, "country", w?.name ?? code, w ? "world-countries" : at);
    e.terms.push({ code, role: null, from: null, to: null, at: w ? "world-countries" : at });
    return e;
  };
  for (const w of world) countryEntity(countryOfIso(w.iso3), "world-countries");
  const isDropped = (code: string, iso: string, words: readonly PhraseWord[]): boolean => {
    if (!dropped.size) return false;
    const k = words.map((x) => x.key).join(" ");
    return dropped.has(`${code}|${k}`) || dropped.has(`${iso}|${k}`);
  };
  for (const r of rows.countries) {
    if (r.relation !== "name" && r.relation !== "adjective" && r.relation !== "people") continue;
    const code = countryOfIso(r.country);
    const e = byId.get(`country:${code}`) ?? countryEntity(code, r.at);
    if (e.at === r.at && e.name === code && r.relation === "name") e.name = r.phrase;
    const form: PhraseForm = r.relation;
    addPhrase(
      r.phrase,
      { type: "entity", entity: e.index, form, code: null, note: r.note },
      r.at,
      `e${e.index}${form}`,
    );
  }
  // Named actors (organisations, groups, imported entries) and people.
  const kindOf = (k: string): ActorEntityKind =>
    k === "ngo" ? "igo" : k === "igo" || k === "group" || k === "person" ? k : "actor";
  const addNamed = (
    r: {
      id: string;
      name: string;
      aliases: string[];
      code: string;
      from: string | null;
      to: string | null;
      at: string;
    },
    kind: ActorEntityKind,
    role: string | null,
    gender: "m" | "f" | null,
  ): void => {
    const prefix =
      kind === "person" ? "person" : kind === "igo" ? "igo" : kind === "group" ? "group" : "actor";
    const id = `${prefix}:${r.id}`;
    let e = byId.get(id);
    if (!e) {
      if (!r.name) {
        problems.push(problemAt(r.at, `first line of '${r.id}' needs a name`));
        return;
      }
      e = newEntity(id, kind, r.name, r.at);
      e.gender = gender;
      addPhrase(
        r.name,
        { type: "entity", entity: e.index, form: "name", code: null, note: "" },
        r.at,
        `e${e.index}`,
      );
    } else {
      if (e.kind !== kind) {
        problems.push(problemAt(r.at, `id '${r.id}' is already a ${e.kind} (${e.at})`));
        return;
      }
      if (r.name && r.name !== e.name)
        problems.push(
          problemAt(r.at, `name '${r.name}' differs from '${e.name}' given for '${r.id}' at ${e.at}`),
        );
      if (gender && e.gender && gender !== e.gender)
        problems.push(problemAt(r.at, `gender differs from ${e.at}`));
      e.gender ??= gender;
    }
    if (role && !roles.has(role))
      problems.push(problemAt(r.at, `role '${role}' is not a role of any agent (agents.tsv)`));
    for (const t of e.terms) {
      if (
        (t.from ?? "") === (r.from ?? "") &&
        (t.to ?? "") === (r.to ?? "") &&
        t.code === r.code &&
        t.role === role
      )
        problems.push(problemAt(r.at, `duplicate term of '${r.id}' (${t.at})`));
    }
    e.terms.push({ code: r.code, role, from: r.from, to: r.to, at: r.at });
    for (const a of r.aliases)
      addPhrase(
        a,
        { type: "entity", entity: e.index, form: "name", code: null, note: "" },
        r.at,
        `e${e.index}`,
      );
  };
  for (const r of rows.actors) addNamed(r, kindOf(r.kind), null, null);
  for (const r of rows.people) addNamed(r, "person", r.role, r.gender === "" ? null : r.gender);

  // Metonyms written by hand (before generated capitals, which they may override or drop).
  const metonymKeys = new Set<string>();
  for (const r of rows.metonyms) {
    const key = phraseWords(r.phrase)
      .map((w) => w.key)
      .join(" ");
    metonymKeys.add(key);
    if (r.code === "-") continue;
    const base = baseOfCode(r.code);
    const e =
      byId.get(`country:${base}`) ??
      entities.find((x) => x.kind === "igo" && x.terms[0]?.code === base) ??
      null;
    const target = e ?? newEntity(`metonym:${key.replace(/[^a-z0-9]+/g, "-")}`, "actor", r.phrase, r.at);
    if (!e) target.terms.push({ code: r.code, role: null, from: null, to: null, at: r.at });
    addPhrase(
      r.phrase,
      { type: "entity", entity: target.index, form: "metonym", code: r.code, note: r.note },
      r.at,
      `m${target.index}`,
    );
  }

  // Generated country names and capitals last: the data files win on a tie.
  for (const w of world) {
    const code = countryOfIso(w.iso3);
    const e = byId.get(`country:${code}`)!;
    const add = (phrase: string, form: PhraseForm): void => {
      const words = phraseWords(phrase);
      if (!isDropped(code, w.iso3, words))
        addPhrase(
          words,
          { type: "entity", entity: e.index, form, code: null, note: "world-countries" },
          null,
          `e${e.index}${form}`,
        );
    };
    for (const n of w.names) add(n, "name");
    for (const a of w.adjectives) add(a, "adjective");
    for (const p of w.people) add(p, "people");
    if (w.capital) {
      const key = phraseWords(w.capital)
        .map((x) => x.key)
        .join(" ");
      if (!metonymKeys.has(key))
        addPhrase(
          w.capital,
          { type: "entity", entity: e.index, form: "metonym", code: `${code}GOV`, note: "capital" },
          null,
          `m${e.index}`,
        );
    }
  }

  for (const r of rows.references)
    addPhrase(
      r.phrase,
      { type: "reference", refers: r.refers, count: r.count === "2" ? 2 : 1, phrase: r.phrase },
      r.at,
      `r${r.phrase}`,
    );
  for (const r of rows["not-actors"]) addPhrase(r.phrase, { type: "block", phrase: r.phrase }, r.at, "block");
  const ethnicGroups: EthnicGroup[] = [];
  for (const r of rows.ethnic) {
    if (r.homeland && !byId.has(`country:${r.homeland}`))
      problems.push(problemAt(r.at, `homeland '${r.homeland}' is not a known country`));
    const group: EthnicGroup = {
      index: ethnicGroups.length,
      id: `ethnic:${r.name.toLowerCase().replace(/[^a-z0-9]+/g, "-")}`,
      name: r.name,
      homeland: r.homeland,
      at: r.at,
    };
    ethnicGroups.push(group);
    for (const f of r.forms)
      addPhrase(f, { type: "ethnic", group: group.index, plural: f === r.name }, r.at, `x${group.index}`);
  }

  // Seats of international organisations: the organisation must be an igo or ngo line of the files read.
  const seats = new Map<string, { host: string; organisations: ActorEntity[] }>();
  for (const r of rows.seats) {
    const org = byId.get(`igo:${r.organisation}`);
    if (org?.kind !== "igo") {
      problems.push(problemAt(r.at, `organisation '${r.organisation}' is not the id of an igo or ngo line`));
      continue;
    }
    const key = phraseWords(r.city)
      .map((w) => w.key)
      .join(" ");
    const seat = seats.get(key) ?? { host: r.country, organisations: [] };
    if (!seat.organisations.length) seats.set(key, seat);
    if (seat.host !== r.country)
      problems.push(problemAt(r.at, `'${r.city}' is in ${seat.host} on an earlier line, not ${r.country}`));
    else if (seat.organisations.includes(org))
      problems.push(problemAt(r.at, `'${r.organisation}' is already seated in '${r.city}'`));
    else seat.organisations.push(org);
  }

  for (const e of entities) e.terms.sort((a, b) => (a.from ?? "").localeCompare(b.from ?? ""));
  const counts: Record<string, number> = {
    countries: entities.filter((e) => e.kind === "country").length,
    people: entities.filter((e) => e.kind === "person").length,
    offices: entities.filter((e) => e.kind === "person").reduce((n, e) => n + e.terms.length, 0),
    igos: entities.filter((e) => e.kind === "igo").length,
    groups: entities.filter((e) => e.kind === "group").length,
    otherActors: entities.filter((e) => e.kind === "actor").length,
    agents: agents.length,
    metonyms: rows.metonyms.filter((r) => r.code !== "-").length,
    references: rows.references.length,
    notActors: rows["not-actors"].length,
    ethnicGroups: ethnicGroups.length,
    seats: rows.seats.length,
    phrases: trie.size,
  };
  const frozen: ActorEntity[] = entities;
  return {
    knowledge: new ActorKnowledge(frozen, agents, trie, leaderRoles, counts, ethnicGroups, seats),
    problems,
  };
}
