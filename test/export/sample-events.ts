// Events constructed by hand for the export, analysis and API tests. The article texts are our own words; every
// span points into them so tests can check `text.slice(start, end)`.
import type { Span } from "../../src/types/span.js";
import type { StoredArticle, StoredEvent } from "../../src/types/store.js";

export interface SampleArticle extends StoredArticle {
  readonly bodyStart: number;
}

function span(text: string, words: string, from = 0): Span {
  const i = text.indexOf(words, from);
  if (i < 0) throw new Error(`"${words}" not in the sample text`);
  return [i, i + words.length];
}

const A1 = "wire-1";
const T1 =
  "MOSCOW, March 3 - Russian and Chinese troops held joint naval drills in the Sea of Japan on Tuesday.\n\n" +
  'Vladimir Putin said: "There is no need for an alliance now, but it could be forged in the future."\n\n' +
  "Share this story. Advertisement.";
const A2 = "wire-2";
const T2 =
  "BEIJING, April 9 - China criticised the United States over new tariffs on steel.\n\n" +
  "The United States imposed sanctions on Russia, officials said. <script>alert('x')</script> was in the page.";

export const SAMPLE_ARTICLES: readonly SampleArticle[] = [
  {
    id: A1,
    url: "https://example.org/news/drills",
    published: "2021-03-03",
    title: "Joint drills",
    source: "samples/drills.txt",
    rawText: T1,
    cleanText: T1.slice(0, T1.indexOf("\n\nShare")),
    clusterId: "c-1",
    bodyStart: 0,
  },
  {
    id: A2,
    url: null,
    published: "2021-04-09",
    title: "Tariffs <b>and</b> sanctions",
    source: "samples/tariffs.txt",
    rawText: T2,
    cleanText: T2,
    clusterId: "c-2",
    bodyStart: 0,
  },
];

const S1 = span(T1, "Russian and Chinese troops held joint naval drills in the Sea of Japan on Tuesday.");
const S2 = span(
  T1,
  'Vladimir Putin said: "There is no need for an alliance now, but it could be forged in the future."',
);
const S3 = span(T2, "China criticised the United States over new tariffs on steel.");
const S4 = span(T2, "The United States imposed sanctions on Russia, officials said.");

function sentence(text: string, s: Span): string {
  return text.slice(s[0], s[1]);
}

export const SAMPLE_EVENTS: readonly StoredEvent[] = [
  {
    id: "ev-1",
    articleId: A1,
    date: "2021-03-02",
    source: {
      code: "RUSMIL",
      country: "RUS",
      sector: "MIL",
      name: "Russia",
      text: "Russian",
      span: span(T1, "Russian"),
    },
    target: {
      code: "CHNMIL",
      country: "CHN",
      sector: "MIL",
      name: "China",
      text: "Chinese",
      span: span(T1, "Chinese"),
    },
    cameo: { code: "062", root: "06", name: "Cooperate militarily", quad: 2, goldstein: 7.4 },
    plover: { type: "COOPERATE", mode: "military", context: null },
    modality: { status: "asserted", cues: [] },
    speaker: null,
    quote: null,
    location: { name: "Sea of Japan", country: null, lat: 40, lon: 135, how: "sentence" },
    evidence: {
      sentence: sentence(T1, S1),
      sentenceSpan: S1,
      triggerSpan: span(T1, "held joint naval drills"),
    },
    pattern: "verb:06/062 hold drills",
    confidence: 0.9,
    clusterId: "c-1",
    mentions: 3,
    sources: 2,
    articles: 2,
  },
  {
    id: "ev-2",
    articleId: A1,
    date: "2021-03-03",
    source: {
      code: "RUSGOV",
      country: "RUS",
      sector: "GOV",
      name: "Vladimir Putin",
      text: "Vladimir Putin",
      span: span(T1, "Vladimir Putin"),
    },
    target: {
      code: "CHN",
      country: "CHN",
      sector: null,
      name: "China",
      text: "Chinese",
      span: span(T1, "Chinese"),
    },
    cameo: {
      code: "0312",
      root: "03",
      name: "Express intent to cooperate militarily",
      quad: 1,
      goldstein: 5.2,
    },
    plover: { type: "AGREE", mode: null, context: "military" },
    modality: { status: "hypothetical", cues: ["could", "in the future"] },
    speaker: { code: "RUSGOV", name: "Vladimir Putin" },
    quote: {
      text: "There is no need for an alliance now, but it could be forged in the future.",
      span: span(T1, "There is no need for an alliance now, but it could be forged in the future."),
    },
    location: { name: "Moscow", country: "RUS", lat: 55.75, lon: 37.62, how: "dateline" },
    evidence: { sentence: sentence(T1, S2), sentenceSpan: S2, triggerSpan: span(T1, "forged") },
    pattern: "verb:03/0312 forge alliance",
    confidence: 0.7,
    clusterId: "c-1",
    mentions: 1,
    sources: 1,
    articles: 1,
  },
  {
    id: "ev-3",
    articleId: A2,
    date: "2021-04-09",
    source: {
      code: "CHNGOV",
      country: "CHN",
      sector: "GOV",
      name: "China",
      text: "China",
      span: span(T2, "China"),
    },
    target: {
      code: "USA",
      country: "USA",
      sector: null,
      name: "United States",
      text: "the United States",
      span: span(T2, "the United States"),
    },
    cameo: { code: "111", root: "11", name: "Criticize or denounce", quad: 3, goldstein: -2 },
    plover: { type: "DISAPPROVE", mode: null, context: "economic" },
    modality: { status: "asserted", cues: [] },
    speaker: null,
    quote: null,
    location: { name: "Beijing", country: "CHN", lat: 39.9, lon: 116.4, how: "dateline" },
    evidence: { sentence: sentence(T2, S3), sentenceSpan: S3, triggerSpan: span(T2, "criticised") },
    pattern: "verb:11/111 criticise",
    confidence: 0.8,
    clusterId: "c-2",
    mentions: 1,
    sources: 1,
    articles: 1,
  },
  {
    id: "ev-4",
    articleId: A2,
    date: "2021-04-09",
    source: {
      code: "USAGOV",
      country: "USA",
      sector: "GOV",
      name: "United States",
      text: "The United States",
      span: span(T2, "The United States"),
    },
    target: {
      code: "RUS",
      country: "RUS",
      sector: null,
      name: "Russia",
      text: "Russia",
      span: span(T2, "Russia"),
    },
    cameo: { code: "163", root: "16", name: "Impose embargo, boycott, or sanctions", quad: 4, goldstein: -8 },
    plover: { type: "SANCTION", mode: null, context: null },
    modality: { status: "reported_claim", cues: ["officials said"] },
    speaker: null,
    quote: null,
    location: null,
    evidence: { sentence: sentence(T2, S4), sentenceSpan: S4, triggerSpan: span(T2, "imposed sanctions") },
    pattern: "verb:16/163 impose sanctions",
    confidence: 0.85,
    clusterId: "c-2",
    mentions: 2,
    sources: 2,
    articles: 2,
  },
];

export async function* streamOf<T>(items: readonly T[]): AsyncGenerator<T> {
  for (const item of items) yield item;
}
