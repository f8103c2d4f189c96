import { createHash } from "node:crypto";
import { findMentions } from "../actors/index.js";
import { cleanArticle, toRawSpan } from "../clean/index.js";
import { type CodedEvent, EventCoder, loadLexicon, withAgentNouns } from "../code/index.js";
import { findPlaces, type PlaceMention, placeOfCountry, placeOfDateline } from "../geo/index.js";
import { type ActorKnowledge, loadActorKnowledge } from "../knowledge/actors/index.js";
import { loadOntology, type Ontology } from "../knowledge/ontology/index.js";
import {
  type EventPattern,
  insideNotEvent,
  loadPatterns,
  matchAt,
  type PatternIndex,
} from "../knowledge/patterns/index.js";
import { annotate } from "../text/index.js";
import type { Article } from "../types/article.js";
import type { CleanText } from "../types/clean-text.js";
import type { Doc } from "../types/doc.js";
import type { ActorRef, EventLocation, EventRecord } from "../types/event.js";
import type { Issue } from "../types/issue.js";
import type { Mention } from "../types/mention.js";
import type { Span } from "../types/span.js";

/** Everything the pipeline knows, compiled once. */
export interface Knowledge {
  readonly actors: ActorKnowledge;
  readonly patterns: PatternIndex;
  readonly ontology: Ontology;
  readonly coder: EventCoder;
}

export interface CodeOptions {
  readonly knowledge?: Knowledge;
}

export interface CodedArticle {
  readonly article: Article;
  readonly clean: CleanText;
  readonly doc: Doc;
  readonly mentions: readonly Mention[];
  readonly events: readonly EventRecord[];
  readonly issues: readonly Issue[];
}

let defaultKnowledge: Knowledge | undefined;

/** Loads and compiles the knowledge base (actors, patterns, ontology, coder lexicon). Cached for the default data. */
export function loadKnowledge(options: { actorDirs?: readonly string[] } = {}): Knowledge {
  if (!options.actorDirs?.length && defaultKnowledge) return defaultKnowledge;
  const ontology = loadOntology();
  const patterns = loadPatterns();
  const actors = options.actorDirs?.length
    ? loadActorKnowledge({ extraDirs: options.actorDirs })
    : loadActorKnowledge();
  const coder = new EventCoder(
    {
      byHead: patterns.byHead,
      nounFirst: patterns.nounFirst,
      match: (p, lemmas, pos, head, limit) => matchAt(p as EventPattern, lemmas, pos, head, limit),
      insideNotEvent: (lemmas, pos, i, limit) => insideNotEvent(patterns, lemmas, pos, i, limit),
    },
    ontology,
    withAgentNouns(loadLexicon(), actors.agents),
  );
  const k: Knowledge = { actors, patterns, ontology, coder };
  if (!options.actorDirs?.length) defaultKnowledge = k;
  return k;
}

/** Loads the NLP model and the knowledge base now, so the first article is not slow (call once per worker). */
export function warmUp(): void {
  const k = loadKnowledge();
  codeArticle(
    {
      id: "warm-up",
      url: null,
      published: "2020-01-01",
      title: null,
      rawText: "Russia and China held joint military exercises on Monday.",
      source: "warm-up",
      bodyStart: 0,
    },
    { knowledge: k },
  );
}

/**
 * Codes one article end to end.
 * @example
 * codeArticle({ id: "a1", published: "2020-10-22", rawText: "Russia and China held joint war games.", … })
 * // → events: [{ source: { code: "RUS" … }, target: { code: "CHN" … }, cameo: { code: "062" … },
 * //              modality: { status: "asserted", cues: [] }, evidence: { sentence: "Russia and China held joint war games.", … } }, …]
 */
export function codeArticle(article: Article, options: CodeOptions = {}): CodedArticle {
  const k = options.knowledge ?? loadKnowledge();
  const issues: Issue[] = [];
  const clean = cleanArticle(article);
  const doc = annotate(clean.text, { date: article.published });
  const mentions = findMentions(doc, k.actors, article.published);
  const home = doc.dateline ? placeOfDateline(doc.dateline) : null;
  const places = findPlaces(doc);
  const coded = k.coder.code({
    doc,
    mentions,
    date: article.published,
    homeCountry: home?.country ?? null,
    places,
  });
  const events: EventRecord[] = [];
  for (const e of coded) {
    const record = toRecord(article, clean, doc, e, k.ontology, places);
    if (record) events.push(record);
  }
  if (!clean.text.trim())
    issues.push({ code: "EMPTY_AFTER_CLEANING", message: "no story text left after cleaning" });
  return { article, clean, doc, mentions, events, issues };
}

/** Codes a bare text (a sentence or a story) with an optional date; handy for the library and tests. */
export function codeText(
  text: string,
  options: CodeOptions & { date?: string | null; id?: string } = {},
): CodedArticle {
  const id = options.id ?? createHash("sha1").update(text).digest("hex").slice(0, 16);
  return codeArticle(
    {
      id,
      url: null,
      published: options.date ?? null,
      title: null,
      rawText: text,
      source: "text",
      bodyStart: 0,
    },
    options,
  );
}

function actorRef(article: Article, clean: CleanText, m: Mention): ActorRef {
  const span = toRawSpan(clean, [m.start, m.end]);
  return {
    code: m.code,
    country: m.country,
    sector: m.sector,
    name: m.name,
    text: article.rawText.slice(span[0], span[1]),
    span,
  };
}

function toRecord(
  article: Article,
  clean: CleanText,
  doc: Doc,
  e: CodedEvent,
  ontology: Ontology,
  places: readonly PlaceMention[],
): EventRecord | null {
  const cameo = ontology.cameo(e.code);
  if (!cameo) return null;
  const plover = ontology.plover(e.code) ?? { type: null, mode: null, context: null };
  const sentence = doc.sentences[e.sentence]!;
  const sentenceSpan = toRawSpan(clean, [sentence.start, sentence.end]);
  const triggerSpan = toRawSpan(clean, e.trigger);
  const source = actorRef(article, clean, e.source);
  const target = e.target ? actorRef(article, clean, e.target) : null;
  const quoteSpan: Span | null = e.quote ? toRawSpan(clean, [e.quote.start, e.quote.end]) : null;
  const id = createHash("sha1")
    .update(
      `${article.id}|${e.code}|${source.code}|${target?.code ?? ""}|${triggerSpan[0]}|${source.span[0]}`,
    )
    .digest("hex")
    .slice(0, 16);
  return {
    id,
    articleId: article.id,
    date: e.date,
    source,
    target,
    cameo,
    plover,
    modality: e.modality,
    speaker: e.speaker ? { code: e.speaker.code, name: e.speaker.name } : null,
    quote: quoteSpan ? { text: article.rawText.slice(quoteSpan[0], quoteSpan[1]), span: quoteSpan } : null,
    location: locate(doc, e, places, target ?? source),
    evidence: {
      sentence: article.rawText.slice(sentenceSpan[0], sentenceSpan[1]),
      sentenceSpan,
      triggerSpan,
    },
    pattern: e.pattern,
    confidence: e.confidence,
  };
}

/** Where: a place named in the sentence, else the dateline, else the country of the actor acted upon. */
function locate(
  doc: Doc,
  e: CodedEvent,
  places: readonly PlaceMention[],
  actor: ActorRef,
): EventLocation | null {
  let best: PlaceMention | null = null;
  for (const p of places) {
    if (p.sentence !== e.sentence) continue;
    if (!best || Math.abs(p.start - e.trigger[0]) < Math.abs(best.start - e.trigger[0])) best = p;
  }
  if (best) return { name: best.name, country: best.country, lat: best.lat, lon: best.lon, how: "sentence" };
  const dl = doc.dateline ? placeOfDateline(doc.dateline) : null;
  if (dl) return { name: dl.name, country: dl.country, lat: dl.lat, lon: dl.lon, how: "dateline" };
  const c = actor.country ? placeOfCountry(actor.country) : null;
  if (c) return { name: c.name, country: c.country, lat: c.lat, lon: c.lon, how: "actor" };
  return null;
}
