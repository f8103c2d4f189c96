// A real SQLite store for the API and analysis tests, filled with the hand-made sample events plus a "history"
// article whose events give the RUS→CHN dyad a quiet baseline and then a burst of cooperation (for alerts).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openStore } from "../../src/store/open-store.js";
import type { Store } from "../../src/store/store.js";
import type { EventRecord } from "../../src/types/event.js";
import type { CodedArticleRow, StoredArticle, StoredEvent } from "../../src/types/store.js";
import { SAMPLE_ARTICLES, SAMPLE_EVENTS } from "../export/sample-events.js";

function record(e: StoredEvent): EventRecord {
  const { clusterId: _c, mentions: _m, sources: _s, articles: _a, ...rest } = e;
  return rest;
}

const HISTORY_ID = "history-1";
const WEEKLY = Array.from({ length: 12 }, (_, i) => {
  const d = new Date(Date.UTC(2021, 0, 13 + 7 * i)); // Wednesdays from 2021-01-13 to 2021-03-31
  return d.toISOString().slice(0, 10);
});
const BURST: readonly [string, string, 1 | 2][] = [
  ["061", "Cooperate economically", 2],
  ["062", "Cooperate militarily", 2],
  ["063", "Engage in judicial cooperation", 2],
  ["064", "Share intelligence or information", 2],
  ["057", "Sign formal agreement", 1],
  ["042", "Make a visit", 1],
];

function historyArticle(): { article: StoredArticle; events: EventRecord[] } {
  const lines: string[] = [];
  const events: EventRecord[] = [];
  let text = "";
  const add = (id: string, date: string, code: string, name: string, quad: 1 | 2) => {
    const sentence = `On ${date} Russia and China agreed step ${id} of their plan.`;
    const start = text.length;
    text += `${sentence}\n`;
    lines.push(sentence);
    const at = (w: string) => start + sentence.indexOf(w);
    events.push({
      id,
      articleId: HISTORY_ID,
      date,
      source: {
        code: "RUSGOV",
        country: "RUS",
        sector: "GOV",
        name: "Russia",
        text: "Russia",
        span: [at("Russia"), at("Russia") + 6],
      },
      target: {
        code: "CHNGOV",
        country: "CHN",
        sector: "GOV",
        name: "China",
        text: "China",
        span: [at("China"), at("China") + 5],
      },
      cameo: { code, root: code.slice(0, 2), name, quad, goldstein: quad === 1 ? 3.5 : 6 },
      plover: { type: quad === 1 ? "AGREE" : "COOPERATE", mode: null, context: null },
      modality: { status: "asserted", cues: [] },
      speaker: null,
      quote: null,
      location: null,
      evidence: {
        sentence,
        sentenceSpan: [start, start + sentence.length],
        triggerSpan: [at("agreed"), at("agreed") + 6],
      },
      pattern: "test:history",
      confidence: 0.9,
    });
  };
  WEEKLY.forEach((date, i) => {
    add(`h-${String(i).padStart(2, "0")}`, date, "062", "Cooperate militarily", 2);
  });
  BURST.forEach(([code, name, quad], i) => {
    add(`b-${i}`, "2021-04-07", code, name, quad);
  });
  return {
    article: {
      id: HISTORY_ID,
      url: "https://example.org/history",
      published: "2021-04-07",
      title: "A plan in steps",
      source: "test",
      rawText: text,
      cleanText: text,
      clusterId: HISTORY_ID,
    },
    events,
  };
}

export const BURST_SIZE = BURST.length;

/** Rows for `writeBatch`: the sample articles with their events, and the history article. */
export function sampleRows(): CodedArticleRow[] {
  const rows: CodedArticleRow[] = SAMPLE_ARTICLES.map(({ bodyStart: _b, ...article }) => ({
    article,
    events: SAMPLE_EVENTS.filter((e) => e.articleId === article.id).map(record),
  }));
  rows.push(historyArticle());
  return rows;
}

export interface SampleStore {
  readonly store: Store;
  readonly path: string;
  dispose(): Promise<void>;
}

/** Opens a fresh SQLite store in a temporary folder and writes the sample rows into it. */
export async function sampleStore(): Promise<SampleStore> {
  const dir = mkdtempSync(join(tmpdir(), "dyad-api-"));
  const path = join(dir, "events.db");
  const store = await openStore(path);
  await store.writeBatch({ rows: sampleRows(), rejects: [] });
  return {
    store,
    path,
    async dispose() {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
