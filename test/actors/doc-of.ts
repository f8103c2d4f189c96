import { englishNlp } from "../../src/text/english-nlp.js";
import type { Doc, Sentence, Token } from "../../src/types/doc.js";

type Annotate = (text: string, options: { date: string | null }) => Doc;

// The real annotator (src/text) when it is there; until then a minimal Doc from wink-nlp's sentences and POS tags.
let annotate: Annotate | null = null;
try {
  const mod = (await import("../../src/text/index.js")) as { annotate?: Annotate };
  annotate = mod.annotate ?? null;
} catch {
  annotate = null;
}

function winkDoc(text: string, date: string | null): Doc {
  const nlp = englishNlp();
  const its = nlp.its;
  const wdoc = nlp.readDoc(text);
  const tokens: Token[] = [];
  const sentences: Sentence[] = [];
  let cursor = 0;
  wdoc.sentences().each((s, si) => {
    const tokenStart = tokens.length;
    s.tokens().each((t) => {
      const value = t.out();
      const at = text.indexOf(value, cursor);
      const start = at === -1 ? cursor : at;
      const end = start + value.length;
      cursor = end;
      tokens.push({ text: value, lower: value.toLowerCase(), lemma: String(t.out(its.lemma)), pos: String(t.out(its.pos)), start, end, sentence: si });
    });
    const first = tokens[tokenStart];
    const last = tokens[tokens.length - 1];
    sentences.push({ index: si, start: first?.start ?? cursor, end: last?.end ?? cursor, tokenStart, tokenEnd: tokens.length });
  });
  return { text, date, sentences, tokens, dateline: null, quotes: [], times: [] };
}

/** An annotated document for a test text. */
export function docOf(text: string, date: string | null = null): Doc {
  return annotate ? annotate(text, { date }) : winkDoc(text, date);
}

export const usingRealAnnotate = annotate !== null;
