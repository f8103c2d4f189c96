import type { Span } from "./span.js";

export const MODALITY_STATUSES = [
  "asserted",
  "negated",
  "hypothetical",
  "future",
  "conditional",
  "reported_claim",
] as const;
export type ModalityStatus = (typeof MODALITY_STATUSES)[number];

/** A coded actor: country + sector, e.g. `RUSGOV` = country `RUS`, sector `GOV`. */
export interface ActorRef {
  /** Full code, country followed by sector codes (`RUSGOV`, `CHNMIL`, `USA`, `IGOUNO`). */
  readonly code: string;
  /** ISO3 country (or `IGO` for international organisations), null when unknown. */
  readonly country: string | null;
  /** CAMEO agent/sector code (GOV, MIL, REB, ...), null for the country as a whole. */
  readonly sector: string | null;
  /** Canonical name ("Russia", "Vladimir Putin", "United Nations"). */
  readonly name: string;
  /** The words in the article that named the actor. */
  readonly text: string;
  /** Where `text` is in the original text. */
  readonly span: Span;
}

export interface CameoCode {
  readonly code: string;
  readonly root: string;
  readonly name: string;
  /** 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict. */
  readonly quad: 1 | 2 | 3 | 4;
  readonly goldstein: number;
}

export interface PloverCode {
  /** PLOVER event type; null for CAMEO root 01 (public statements), which PLOVER dropped. */
  readonly type: string | null;
  readonly mode: string | null;
  readonly context: string | null;
}

export interface Modality {
  readonly status: ModalityStatus;
  /** The words that decided the status ("could", "in the future", "no need"); empty for plain assertions. */
  readonly cues: readonly string[];
}

export interface EventLocation {
  readonly name: string;
  readonly country: string | null;
  readonly lat: number | null;
  readonly lon: number | null;
  /** How it was chosen: `sentence` (a place named in the sentence), `dateline`, or `actor` (the actors' country). */
  readonly how: "sentence" | "dateline" | "actor";
}

export interface Evidence {
  readonly sentence: string;
  readonly sentenceSpan: Span;
  readonly triggerSpan: Span;
}

/** One coded event: who did what to whom, when, where, how sure, and why the record exists. */
export interface EventRecord {
  readonly id: string;
  readonly articleId: string;
  /** `YYYY-MM-DD`: the resolved date of the event, else the article date. */
  readonly date: string | null;
  readonly source: ActorRef;
  readonly target: ActorRef | null;
  readonly cameo: CameoCode;
  readonly plover: PloverCode;
  readonly modality: Modality;
  readonly speaker: { readonly code: string | null; readonly name: string } | null;
  readonly quote: { readonly text: string; readonly span: Span } | null;
  readonly location: EventLocation | null;
  readonly evidence: Evidence;
  /** Which rule fired, e.g. `verb:06/061 hold war games`. */
  readonly pattern: string;
  /** 0..1, from the evidence that fired. */
  readonly confidence: number;
}
