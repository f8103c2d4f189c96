/**
 * Why an event exists: its coding (actors, CAMEO and PLOVER, modality and its cues, speaker, place, rule, confidence)
 * next to the evidence sentence and the whole article, with the source, target, trigger and quote highlighted by
 * their spans. All article text is rendered as text nodes.
 */
import { useEffect, useRef } from "preact/hooks";
import type { Span } from "../../src/types/span.js";
import { type ArticleDetail, api, type StoredEvent } from "./api.js";
import { QUAD_LABELS } from "./cameo-labels.js";
import type { Mark } from "./highlight-segments.js";
import { HighlightedText } from "./highlighted-text.js";
import { ModalityBadge } from "./modality-badge.js";
import { useResource } from "./use-resource.js";

/** The spans of one event, as marks relative to `base` (the start of the text they are shown in). */
function eventMarks(event: StoredEvent, base: number, withSentence: boolean): Mark[] {
  const marks: Mark[] = [];
  const add = (span: Span | undefined, kind: string): void => {
    if (span) marks.push({ start: span[0] - base, end: span[1] - base, kind });
  };
  if (withSentence) add(event.evidence.sentenceSpan, "sentence");
  add(event.quote?.span, "quote");
  add(event.source.span, "source");
  add(event.target?.span, "target");
  add(event.evidence.triggerSpan, "trigger");
  return marks;
}

/**
 * Marks for the article's clean text: the server's spans for this event; failing those, the event's spans moved to
 * where its evidence sentence appears in the clean text.
 */
function articleMarks(article: ArticleDetail, event: StoredEvent): Mark[] {
  const own = article.spans.filter((s) => s.eventId === event.id);
  if (own.length > 0) return own.map((s) => ({ start: s.start, end: s.end, kind: s.kind }));
  const at = article.text.indexOf(event.evidence.sentence);
  if (at < 0) return [];
  return eventMarks(event, event.evidence.sentenceSpan[0] - at, true);
}

function safeUrl(url: string | null): string | null {
  return url && /^https?:\/\//i.test(url) ? url : null;
}

const LEGEND = [
  ["source", "source actor"],
  ["target", "target actor"],
  ["trigger", "trigger"],
  ["quote", "quote"],
  ["sentence", "evidence sentence"],
] as const;

export function ArticleView({
  event,
  onClose,
  onOpen,
}: {
  readonly event: StoredEvent;
  readonly onClose: () => void;
  readonly onOpen: (event: StoredEvent) => void;
}) {
  const article = useResource(event.articleId, (signal) => api.article(event.articleId, signal));
  const textBox = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const box = textBox.current?.querySelector<HTMLElement>("[data-testid=article-text]");
    const mark =
      box?.querySelector<HTMLElement>("mark.hl-trigger") ?? box?.querySelector<HTMLElement>("mark");
    if (box && mark) box.scrollTop = Math.max(0, mark.offsetTop - box.offsetTop - box.clientHeight / 3);
  }, [article.data, event.id]);
  const others = (article.data?.events ?? []).filter((e) => e.id !== event.id);
  const link = safeUrl(article.data?.url ?? null);
  const sentenceStart = event.evidence.sentenceSpan[0];
  return (
    <section class="panel article" aria-labelledby="article-heading" data-testid="article-view">
      <header class="panel-head">
        <h2 id="article-heading">
          {event.source.code} <span class="arrow">→</span> {event.target?.code ?? "—"}:{" "}
          <span class="code">{event.cameo.code}</span> {event.cameo.name}
        </h2>
        <button type="button" class="icon" aria-label="Close article" onClick={onClose}>
          ×
        </button>
      </header>
      <dl class="facts">
        <dt>Source</dt>
        <dd>
          <b>{event.source.code}</b> {event.source.name} <q>{event.source.text}</q>
        </dd>
        <dt>Target</dt>
        <dd>
          {event.target ? (
            <>
              <b>{event.target.code}</b> {event.target.name} <q>{event.target.text}</q>
            </>
          ) : (
            "—"
          )}
        </dd>
        <dt>CAMEO</dt>
        <dd>
          {event.cameo.code} {event.cameo.name} · quad {event.cameo.quad} ({QUAD_LABELS[event.cameo.quad]}) ·
          Goldstein {event.cameo.goldstein}
        </dd>
        <dt>PLOVER</dt>
        <dd>
          {[event.plover.type, event.plover.mode, event.plover.context].filter(Boolean).join(" / ") || "—"}
        </dd>
        <dt>Modality</dt>
        <dd data-testid="modality">
          <ModalityBadge modality={event.modality} />{" "}
          {event.modality.cues.length > 0 && <span class="cues">cues: {event.modality.cues.join(", ")}</span>}
        </dd>
        {event.speaker && (
          <>
            <dt>Speaker</dt>
            <dd>
              {event.speaker.name}
              {event.speaker.code ? ` (${event.speaker.code})` : ""}
            </dd>
          </>
        )}
        <dt>Date</dt>
        <dd>{event.date ?? "unknown"}</dd>
        {event.location && (
          <>
            <dt>Place</dt>
            <dd>
              {event.location.name}
              {event.location.country ? `, ${event.location.country}` : ""}{" "}
              <span class="hint">({event.location.how})</span>
            </dd>
          </>
        )}
        <dt>Told</dt>
        <dd>
          {event.mentions} times in {event.articles} articles from {event.sources} sources
        </dd>
        <dt>Rule</dt>
        <dd>
          <code>{event.pattern}</code> · confidence {event.confidence.toFixed(2)}
        </dd>
      </dl>
      <h3>Evidence</h3>
      <blockquote class="evidence-sentence">
        <HighlightedText
          text={event.evidence.sentence}
          marks={eventMarks(event, sentenceStart, false)}
          testId="evidence"
        />
      </blockquote>
      <ul class="legend" aria-label="Highlight legend">
        {LEGEND.map(([kind, label]) => (
          <li key={kind}>
            <mark class={`hl-${kind}`}>{label}</mark>
          </li>
        ))}
      </ul>
      <h3>Article</h3>
      {article.loading && <p class="muted">Loading article…</p>}
      {article.error && (
        <p class="error" role="alert">
          Article unavailable: {article.error}
        </p>
      )}
      {article.data && (
        <article data-testid="article" ref={textBox}>
          <p class="meta">
            {article.data.title && <strong data-testid="article-title">{article.data.title}</strong>}
            {article.data.published && <span> · {article.data.published}</span>}
            <span> · {article.data.source}</span>
            {link && (
              <>
                {" · "}
                <a href={link} target="_blank" rel="noopener noreferrer">
                  original
                </a>
              </>
            )}
          </p>
          <HighlightedText
            text={article.data.text}
            marks={articleMarks(article.data, event)}
            testId="article-text"
          />
          {others.length > 0 && (
            <>
              <h3>Other events in this article</h3>
              <ul class="others">
                {others.map((e) => (
                  <li key={e.id}>
                    <button type="button" class="link" onClick={() => onOpen(e)}>
                      {e.source.code} → {e.target?.code ?? "—"}: <span class="code">{e.cameo.code}</span>{" "}
                      {e.cameo.name}
                    </button>{" "}
                    <ModalityBadge modality={e.modality} />
                  </li>
                ))}
              </ul>
            </>
          )}
        </article>
      )}
    </section>
  );
}
