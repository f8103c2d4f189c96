import type { Span } from "../types/span.js";
import type { StoredEvent } from "../types/store.js";

/**
 * One event as a PLOVER JSON record (one per line in the `plover` export). PLOVER's own fields come first with
 * PLOVER's names: `id`, `date`, `event` (PLOVER type), `mode`, `context`, `quad_code`, `event_scale` (Goldstein),
 * the flat actor fields of PLOVER-coded data sets (`actor`, `actor_code`, `actor_country`, `actor_sector`, and
 * the same for `recipient`; the recipient fields are null when the event has no target), `event_loc`,
 * `event_text` (the evidence sentence) and `link` (article id) / `url`. Then what only dyad gives:
 * `modality` (status and cue words: only `asserted` events happened as told), `evidence` (spans into the
 * article's original text of the sentence, trigger, actors and quote), `speaker`, the CAMEO code, the rule that
 * fired, the confidence and the de-duplication counts. Events without a PLOVER type (CAMEO 01 public statements,
 * which PLOVER dropped) have no PLOVER record and are left out of the `plover` export.
 */
export interface PloverRecord {
  readonly id: string;
  readonly date: string | null;
  readonly event: string;
  readonly mode: string | null;
  readonly context: string | null;
  readonly quad_code: 1 | 2 | 3 | 4;
  readonly event_scale: number;
  readonly actor: string;
  readonly actor_code: string;
  readonly actor_country: string | null;
  readonly actor_sector: string | null;
  readonly recipient: string | null;
  readonly recipient_code: string | null;
  readonly recipient_country: string | null;
  readonly recipient_sector: string | null;
  readonly event_loc: {
    readonly name: string;
    readonly country: string | null;
    readonly lat: number | null;
    readonly lon: number | null;
    readonly how: string;
  } | null;
  readonly event_text: string;
  readonly link: string;
  readonly url: string | null;
  readonly modality: { readonly status: string; readonly cues: readonly string[] };
  readonly evidence: {
    readonly sentence: Span;
    readonly trigger: Span;
    readonly trigger_text: string;
    readonly actor: Span;
    readonly recipient: Span | null;
    readonly quote: { readonly text: string; readonly span: Span } | null;
  };
  readonly speaker: { readonly code: string | null; readonly name: string } | null;
  readonly cameo: { readonly code: string; readonly root: string; readonly name: string };
  readonly pattern: string;
  readonly confidence: number;
  readonly mentions: number;
  readonly sources: number;
  readonly articles: number;
  readonly coder: string;
}

/** The trigger words, cut from the evidence sentence (spans are into the original text, the sentence starts at `sentenceSpan[0]`). */
function triggerText(e: StoredEvent): string {
  const [s0] = e.evidence.sentenceSpan;
  const [t0, t1] = e.evidence.triggerSpan;
  return e.evidence.sentence.slice(t0 - s0, t1 - s0);
}

/** The PLOVER record of an event, or null when the event has no PLOVER type (CAMEO roots PLOVER dropped). */
export function ploverRecord(e: StoredEvent, url: string | null, coder: string): PloverRecord | null {
  const t = e.target;
  if (e.plover.type === null) return null;
  return {
    id: e.id,
    date: e.date,
    event: e.plover.type,
    mode: e.plover.mode,
    context: e.plover.context,
    quad_code: e.cameo.quad,
    event_scale: e.cameo.goldstein,
    actor: e.source.name,
    actor_code: e.source.code,
    actor_country: e.source.country,
    actor_sector: e.source.sector,
    recipient: t?.name ?? null,
    recipient_code: t?.code ?? null,
    recipient_country: t?.country ?? null,
    recipient_sector: t?.sector ?? null,
    event_loc: e.location
      ? {
          name: e.location.name,
          country: e.location.country,
          lat: e.location.lat,
          lon: e.location.lon,
          how: e.location.how,
        }
      : null,
    event_text: e.evidence.sentence,
    link: e.articleId,
    url,
    modality: { status: e.modality.status, cues: e.modality.cues },
    evidence: {
      sentence: e.evidence.sentenceSpan,
      trigger: e.evidence.triggerSpan,
      trigger_text: triggerText(e),
      actor: e.source.span,
      recipient: t ? t.span : null,
      quote: e.quote,
    },
    speaker: e.speaker,
    cameo: { code: e.cameo.code, root: e.cameo.root, name: e.cameo.name },
    pattern: e.pattern,
    confidence: e.confidence,
    mentions: e.mentions,
    sources: e.sources,
    articles: e.articles,
    coder,
  };
}
