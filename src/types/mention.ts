/** An actor named in the text. Offsets are into the clean text (`Doc.text`); token indices into `Doc.tokens`. */
export type MentionKind = "country" | "person" | "igo" | "group" | "agent" | "pronoun" | "description";

export interface Mention {
  readonly start: number;
  readonly end: number;
  readonly tokenStart: number;
  /** Exclusive. */
  readonly tokenEnd: number;
  readonly sentence: number;
  readonly text: string;
  /** Full actor code: country + sector (`RUSGOV`, `CHNMIL`, `USA`, `IGOUNO`, `AFGREB`). */
  readonly code: string;
  readonly country: string | null;
  readonly sector: string | null;
  /** Canonical name of the entity ("Vladimir Putin", "Russia", "United Nations"). */
  readonly name: string;
  readonly kind: MentionKind;
  /** Knowledge-base entry id that matched, or for coreference the mention it was resolved to, e.g. `person:putin`. */
  readonly entity: string;
  /** Why it was coded so, for `dyad actors` ("leader: Vladimir Putin, president of RUS 2012-05-07..", "coref: he → Putin"). */
  readonly why: string;
}
