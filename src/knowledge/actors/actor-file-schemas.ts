import { z } from "zod";
import { isActorCode } from "./actor-code.js";

/*
 * The file kinds of data/actors. A file's kind is given by its header line (the column names, tab-separated);
 * see data/actors/README.md for what each column means.
 */

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "expected a date YYYY-MM-DD")
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, "not a calendar date");
const optionalDate = z.union([z.literal(""), isoDate]).transform((s) => (s === "" ? null : s));
const code = z
  .string()
  .refine(isActorCode, "not an actor code (three-letter parts, e.g. RUSGOV, IGOUNO, ---GOV)");
const phrase = z
  .string()
  .min(1, "empty phrase")
  .refine((s) => s.trim() === s && !s.includes("|"), "phrase has surrounding spaces or a '|'");
const aliasList = z.string().transform((s) =>
  s
    .split("|")
    .map((a) => a.trim())
    .filter((a) => a.length > 0),
);
const slug = z.string().regex(/^[a-z0-9][a-z0-9.-]*$/, "id must be lowercase letters, digits, '-' or '.'");
const role = z
  .string()
  .regex(/^$|^[a-z][a-z -]*[a-z]$/, "role must be lowercase words")
  .transform((s) => (s === "" ? null : s));
const note = z.string().optional().default("");

function dateOrder<T extends { from: string | null; to: string | null }>(row: T, ctx: z.RefinementCtx): void {
  if (row.from && row.to && row.to <= row.from)
    ctx.addIssue({ code: "custom", message: `'to' ${row.to} is not after 'from' ${row.from}`, path: ["to"] });
}

/** A person's term of office, one line per term; lines with the same id are one person. */
export const peopleRow = z
  .object({
    id: slug,
    name: z.string(),
    aliases: aliasList,
    gender: z.enum(["m", "f", ""]),
    code,
    role,
    from: optionalDate,
    to: optionalDate,
  })
  .superRefine(dateOrder);

/** A named actor that is not a country or a person with offices: organisations, armed groups, imported entries. */
export const actorRow = z
  .object({
    id: slug,
    kind: z.enum(["igo", "ngo", "group", "person", "actor"]),
    name: z.string(),
    aliases: aliasList,
    code,
    from: optionalDate,
    to: optionalDate,
    note,
  })
  .superRefine(dateOrder);

/** A role noun ("troops", "foreign minister") and the sector it codes. */
export const agentRow = z.object({
  singular: z.union([z.literal("-"), phrase]),
  plural: z.union([z.literal("-"), phrase]),
  sector: z.string().regex(/^[A-Z]{3}$/, "sector must be three capital letters"),
  role,
  flags: z
    .string()
    .transform((s) =>
      s
        .split(",")
        .map((f) => f.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.enum(["title", "generic", "person", "institution", "collective"]))),
  note,
});

/** What dyad adds to, or removes from, the country names it reads from the world-countries package. */
export const countryRow = z.object({
  country: z.string().regex(/^[A-Z]{3}$/, "country must be an ISO alpha-3 code"),
  relation: z.enum(["name", "adjective", "people", "code", "drop", "leader"]),
  phrase,
  note,
});

/** A seat of power named for its government ("the Kremlin" → RUSGOV); code `-` removes a generated capital. */
export const metonymRow = z.object({
  phrase,
  code: z.union([z.literal("-"), code]),
  note,
});

/** A phrase that points back to actors already named ("the two countries"). */
export const referenceRow = z.object({
  phrase,
  refers: z.enum(["country", "person", "group", "igo", "actor"]),
  count: z.enum(["1", "2"]),
  note,
});

/** An ethnic or religious community: its spellings, and the one state it stands for, if any (`-` for none). */
export const ethnicRow = z.object({
  name: phrase,
  forms: aliasList.refine((a) => a.length > 0, "no forms"),
  homeland: z
    .string()
    .regex(/^(?:-|[A-Z]{3})$/, "homeland must be an ISO alpha-3 code or -")
    .transform((s) => (s === "-" ? null : s)),
  note,
});

/**
 * A city that is the seat of an international organisation ("Brussels" → eu): a story datelined there that names
 * the organisation gives its unnamed diplomats and officials to the organisation, not to the host state.
 */
export const seatRow = z.object({
  city: phrase,
  country: z.string().regex(/^[A-Z]{3}$/, "country must be an ISO alpha-3 code"),
  organisation: slug,
  note,
});

/** A phrase that looks like an actor but is not one ("Washington Post"): it blocks the shorter match inside it. */
export const notActorRow = z.object({ phrase, note });

export type PeopleRow = z.infer<typeof peopleRow>;
export type ActorRow = z.infer<typeof actorRow>;
export type AgentRow = z.infer<typeof agentRow>;
export type CountryRow = z.infer<typeof countryRow>;
export type MetonymRow = z.infer<typeof metonymRow>;
export type ReferenceRow = z.infer<typeof referenceRow>;
export type NotActorRow = z.infer<typeof notActorRow>;
export type EthnicRow = z.infer<typeof ethnicRow>;
export type SeatRow = z.infer<typeof seatRow>;

/** Header line → file kind. The header must list exactly these columns in this order. */
export const ACTOR_FILE_KINDS = {
  people: { columns: ["id", "name", "aliases", "gender", "code", "role", "from", "to"], schema: peopleRow },
  actors: { columns: ["id", "kind", "name", "aliases", "code", "from", "to", "note"], schema: actorRow },
  agents: { columns: ["singular", "plural", "sector", "role", "flags", "note"], schema: agentRow },
  countries: { columns: ["country", "relation", "phrase", "note"], schema: countryRow },
  metonyms: { columns: ["phrase", "code", "note"], schema: metonymRow },
  references: { columns: ["phrase", "refers", "count", "note"], schema: referenceRow },
  "not-actors": { columns: ["phrase", "note"], schema: notActorRow },
  ethnic: { columns: ["name", "forms", "homeland", "note"], schema: ethnicRow },
  seats: { columns: ["city", "country", "organisation", "note"], schema: seatRow },
} as const;

export type ActorFileKind = keyof typeof ACTOR_FILE_KINDS;

/** Rows of each kind, each with the `file:line` it came from. */
export interface ActorRows {
  people: Array<PeopleRow & { at: string }>;
  actors: Array<ActorRow & { at: string }>;
  agents: Array<AgentRow & { at: string }>;
  countries: Array<CountryRow & { at: string }>;
  metonyms: Array<MetonymRow & { at: string }>;
  references: Array<ReferenceRow & { at: string }>;
  "not-actors": Array<NotActorRow & { at: string }>;
  ethnic: Array<EthnicRow & { at: string }>;
  seats: Array<SeatRow & { at: string }>;
}

export function emptyActorRows(): ActorRows {
  return {
    people: [],
    actors: [],
    agents: [],
    countries: [],
    metonyms: [],
    references: [],
    "not-actors": [],
    ethnic: [],
    seats: [],
  };
}
