/** The conformance suite's input: fixture articles in our own words (see test/dedupe/wire-stories.ts). */
import type { CodedArticleRow } from "../../src/types/store.js";
import {
  ELECTION_STORY,
  GRAIN_STORY,
  HARBOUR_EDITED,
  HARBOUR_REPOST,
  HARBOUR_STORY,
} from "../dedupe/wire-stories.js";
import { type FixtureEvent, fixtureRow } from "./fixture-events.js";

const meeting = (id: string, articleId: string, date: string, at = 0): FixtureEvent => ({
  id,
  articleId,
  date,
  source: "RUSGOV",
  target: "CHNGOV",
  code: "036",
  quad: 1,
  goldstein: 4,
  sentence: "The defence ministers of Russia and China met in Vladivostok on Tuesday.",
  at,
});

/** A wire story with two re-posts from other outlets, an unrelated story with two events, and one without events. */
export const conformanceRows: CodedArticleRow[] = [
  fixtureRow("h2-repost", HARBOUR_REPOST, [meeting("h2-repost:0", "h2-repost", "2024-05-08", 60)], {
    url: "https://pacific-record.example/asia/drills",
    published: "2024-05-08",
  }),
  fixtureRow("h1-wire", HARBOUR_STORY, [meeting("h1-wire:0", "h1-wire", "2024-05-07")], {
    url: "https://wire.example/a/1",
    published: "2024-05-07",
    title: "Russia and China plan naval drills",
  }),
  fixtureRow(
    "h3-edited",
    HARBOUR_EDITED,
    [
      meeting("h3-edited:0", "h3-edited", "2024-05-09"),
      {
        id: "h3-edited:1",
        articleId: "h3-edited",
        date: "2024-05-09",
        source: "JPNGOV",
        target: "CHN",
        code: "112",
        quad: 3,
        goldstein: -2,
        sentence: "Japan's foreign ministry said it was watching the preparations closely.",
        at: 400,
      },
    ],
    { url: "https://www.other-news.example/x", published: "2024-05-09" },
  ),
  fixtureRow(
    "g1-grain",
    GRAIN_STORY,
    [
      {
        id: "g1-grain:0",
        articleId: "g1-grain",
        date: "2024-06-20",
        source: "CHN",
        target: "RUS",
        code: "0311",
        quad: 1,
        goldstein: 5.2,
        status: "hypothetical",
        sentence: "Buyers in Asia might sign export contracts.",
      },
      {
        id: "g1-grain:1",
        articleId: "g1-grain",
        date: "2024-06-21",
        source: "CHNMIL",
        target: "RUSMIL",
        code: "190",
        quad: 4,
        goldstein: -10,
        sentence: "Lorries queued for a second day at the café by the port.",
        at: 200,
      },
    ],
    { source: "feeds/farm.jsonl:4", published: "2024-06-20" },
  ),
  fixtureRow("e1-election", ELECTION_STORY, [], { published: "2024-07-01" }),
];
