/**
 * A few articles written for the dashboard tests, with their events coded by hand (spans computed from the text),
 * including one whose text carries `<script>` and an `onerror` attribute. Stored with the real store, they give the
 * browser tests known answers independent of the coder's accuracy.
 */
import type { ActorRef, EventRecord, ModalityStatus } from "../../src/types/event.js";
import type { CodedArticleRow } from "../../src/types/store.js";

interface Side {
  readonly text: string;
  readonly code: string;
  readonly name: string;
}

interface HandEvent {
  readonly sentence: string;
  readonly source: Side;
  readonly target: Side;
  readonly trigger: string;
  readonly cameo: readonly [code: string, name: string, quad: 1 | 2 | 3 | 4, goldstein: number];
  readonly status?: ModalityStatus;
  readonly cues?: readonly string[];
  readonly place?: readonly [name: string, country: string, lat: number, lon: number];
}

interface HandArticle {
  readonly id: string;
  readonly date: string;
  readonly title: string;
  readonly before?: string;
  readonly events: readonly HandEvent[];
}

const RUS: Side = { text: "Russia", code: "RUS", name: "Russia" };
const CHN: Side = { text: "China", code: "CHN", name: "China" };
const side = (text: string, code: string, name: string): Side => ({ text, code, name });

/** The marker the XSS test looks for: set only if article text ever runs as script. */
export const XSS_MARKER = "__dyadXss";

export const HAND_ARTICLES: readonly HandArticle[] = [
  {
    id: "hand-drills",
    date: "2024-01-15",
    title: "Navies exercise together",
    events: [
      {
        sentence: "The Russian navy held joint exercises with China in the Sea of Japan on Monday.",
        source: side("The Russian navy", "RUSMIL", "Russian Navy"),
        target: CHN,
        trigger: "held joint exercises",
        cameo: ["062", "Cooperate militarily", 2, 7],
        place: ["Sea of Japan", "JPN", 40, 135],
      },
    ],
  },
  {
    id: "hand-trade",
    date: "2024-02-20",
    title: "A trade pact is signed",
    events: [
      {
        sentence: "China signed a grain trade agreement with Russia in Harbin.",
        source: CHN,
        target: RUS,
        trigger: "signed",
        cameo: ["057", "Sign formal agreement", 1, 8],
        place: ["Harbin", "CHN", 45.75, 126.65],
      },
      {
        sentence: "Russia praised China for the deal, a spokesman said.",
        source: RUS,
        target: CHN,
        trigger: "praised",
        cameo: ["051", "Praise or endorse", 1, 3.4],
        status: "reported_claim",
        cues: ["a spokesman said"],
      },
    ],
  },
  {
    id: "hand-alliance",
    date: "2024-03-05",
    title: "No alliance for now",
    events: [
      {
        sentence: "Russia sees no need for an alliance with China now, but one could be forged later.",
        source: RUS,
        target: CHN,
        trigger: "alliance",
        cameo: ["0312", "Express intent to cooperate militarily", 1, 4],
        status: "hypothetical",
        cues: ["could", "no need"],
      },
      {
        sentence: "Russia denied that it had criticised China over the border crossing.",
        source: RUS,
        target: CHN,
        trigger: "criticised",
        cameo: ["111", "Criticize or denounce", 3, -2],
        status: "negated",
        cues: ["denied"],
        place: ["Blagoveshchensk", "RUS", 50.27, 127.54],
      },
    ],
  },
  {
    id: "hand-visit",
    date: "2024-03-28",
    title: "A visit to Moscow",
    events: [
      {
        sentence: "China sent its foreign minister to Moscow for talks with Russia.",
        source: CHN,
        target: RUS,
        trigger: "sent its foreign minister",
        cameo: ["042", "Make a visit", 1, 1.9],
        place: ["Moscow", "RUS", 55.75, 37.62],
      },
    ],
  },
  {
    id: "hand-shelling",
    date: "2024-04-02",
    title: "Shelling near Kharkiv",
    events: [
      {
        sentence: "The Russian army shelled positions held by Ukraine near Kharkiv.",
        source: side("The Russian army", "RUSMIL", "Russian Army"),
        target: side("Ukraine", "UKR", "Ukraine"),
        trigger: "shelled",
        cameo: ["195", "Employ aerial weapons", 4, -10],
        place: ["Kharkiv", "UKR", 49.99, 36.23],
      },
    ],
  },
  {
    id: "hand-offensive",
    date: "2024-04-23",
    title: "A week of fighting",
    events: [
      {
        sentence: "Russian troops attacked Ukraine along the eastern front.",
        source: side("Russian troops", "RUSMIL", "Russian Armed Forces"),
        target: side("Ukraine", "UKR", "Ukraine"),
        trigger: "attacked",
        cameo: ["190", "Use conventional military force", 4, -10],
        place: ["Donetsk", "UKR", 48.0, 37.8],
      },
      {
        sentence: "Russian drones struck Ukraine's power stations at night.",
        source: side("Russian drones", "RUSMIL", "Russian Armed Forces"),
        target: side("Ukraine", "UKR", "Ukraine"),
        trigger: "struck",
        cameo: ["195", "Employ aerial weapons", 4, -10],
        place: ["Odesa", "UKR", 46.48, 30.73],
      },
      {
        sentence: "Russia blockaded Ukraine's ports on the Black Sea.",
        source: RUS,
        target: side("Ukraine", "UKR", "Ukraine"),
        trigger: "blockaded",
        cameo: ["191", "Impose blockade, restrict movement", 4, -9.5],
        place: ["Black Sea", "UKR", 44.5, 33.5],
      },
    ],
  },
  {
    id: "hand-strait",
    date: "2024-04-09",
    title: "Words over the strait",
    events: [
      {
        sentence: "China accused the United States of provocation in the strait.",
        source: CHN,
        target: side("the United States", "USA", "United States"),
        trigger: "accused",
        cameo: ["112", "Accuse", 3, -2],
        place: ["Taiwan Strait", "TWN", 24.5, 119.5],
      },
    ],
  },
  {
    id: "hand-script",
    date: "2024-04-20",
    title: "Markup <b>in</b> a title",
    before: `<script>window.${XSS_MARKER} = 1</script> <img src=x onerror="window.${XSS_MARKER} = 2">\n\n`,
    events: [
      {
        sentence: "Russia hosted a trade delegation from China in Kazan.",
        source: RUS,
        target: CHN,
        trigger: "hosted",
        cameo: ["043", "Host a visit", 1, 2.8],
        place: ["Kazan", "RUS", 55.79, 49.12],
      },
    ],
  },
];

function actorRef(s: Side, sentence: string, base: number): ActorRef {
  const at = sentence.indexOf(s.text);
  if (at < 0) throw new Error(`hand-coded rows: "${s.text}" is not in "${sentence}"`);
  return {
    code: s.code,
    country: s.code.slice(0, 3),
    sector: s.code.length > 3 ? s.code.slice(3) : null,
    name: s.name,
    text: s.text,
    span: [base + at, base + at + s.text.length],
  };
}

/** The articles above as rows for `Store.writeBatch` (clean text = raw text). */
export function handCodedRows(): CodedArticleRow[] {
  return HAND_ARTICLES.map((a) => {
    const before = a.before ?? "";
    const body = a.events.map((e) => e.sentence).join(" ");
    const rawText = `${before}${body}\n\nThe rest of the story is background written for the test.`;
    let base = before.length;
    const events = a.events.map((e, i): EventRecord => {
      const at = e.sentence.indexOf(e.trigger);
      if (at < 0) throw new Error(`hand-coded rows: "${e.trigger}" is not in "${e.sentence}"`);
      const [code, name, quad, goldstein] = e.cameo;
      const record: EventRecord = {
        id: `${a.id}-e${i + 1}`,
        articleId: a.id,
        date: a.date,
        source: actorRef(e.source, e.sentence, base),
        target: actorRef(e.target, e.sentence, base),
        cameo: { code, root: code.slice(0, 2), name, quad, goldstein },
        plover: { type: quad <= 2 ? "COOPERATE" : "ACCUSE", mode: null, context: null },
        modality: { status: e.status ?? "asserted", cues: [...(e.cues ?? [])] },
        speaker: null,
        quote: null,
        location: e.place
          ? { name: e.place[0], country: e.place[1], lat: e.place[2], lon: e.place[3], how: "sentence" }
          : null,
        evidence: {
          sentence: e.sentence,
          sentenceSpan: [base, base + e.sentence.length],
          triggerSpan: [base + at, base + at + e.trigger.length],
        },
        pattern: `hand:${code}`,
        confidence: 0.9,
      };
      base += e.sentence.length + 1;
      return record;
    });
    return {
      article: {
        id: a.id,
        url: `https://news.example.org/${a.id}`,
        published: a.date,
        title: a.title,
        source: `hand/${a.id}.txt`,
        rawText,
        cleanText: rawText,
        clusterId: a.id,
      },
      events,
    };
  });
}
