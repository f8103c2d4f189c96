import assert from "node:assert/strict";
import { test } from "node:test";
import { annotate } from "../../src/text/index.js";

// [sentence(s), [quoted words, speaker phrase or null] for each quote]
const cases: [text: string, quotes: [string, string | null][]][] = [
  ['"We will not retreat," he said.', [["We will not retreat", "he"]]],
  ["“Talks are over,” said Foreign Minister Wang Yi.", [["Talks are over", "Foreign Minister Wang Yi"]]],
  ['The minister said: "The border is closed."', [["The border is closed.", "The minister"]]],
  ["Lavrov replied that “nothing has changed.”", [["nothing has changed.", "Lavrov"]]],
  [
    "“The deal is dead,” the Iranian foreign minister said on Monday.",
    [["The deal is dead", "the Iranian foreign minister"]],
  ],
  [
    '"Sanctions will follow," according to a senior EU official.',
    [["Sanctions will follow", "a senior EU official"]],
  ],
  [
    "“We will hold. We always do,” the general told reporters.",
    [["We will hold. We always do", "the general"]],
  ],
  [
    "“We will hold,” she said. “We always do.”",
    [
      ["We will hold", "she"],
      ["We always do.", "she"],
    ],
  ],
  [
    'A spokesman for the Chinese embassy said in a statement: "The claims are groundless."',
    [["The claims are groundless.", "A spokesman for the Chinese embassy"]],
  ],
  [
    '"It is over," Putin\'s spokesman Dmitry Peskov told reporters.',
    [["It is over", "Putin's spokesman Dmitry Peskov"]],
  ],
  ["The ministry called the move “provocative” and summoned the ambassador.", [["provocative", null]]],
  ["“The ceasefire holds,” it said in a statement.", [["The ceasefire holds", "it"]]],
  ["“We are ready,” Netanyahu also said.", [["We are ready", "Netanyahu"]]],
  ['She said, "No comment."', [["No comment.", "She"]]],
  [
    "“Nobody wants war,” said the prime minister, adding that talks would continue.",
    [["Nobody wants war", "the prime minister"]],
  ],
  [
    "“The first part of a long statement.\n\n“The second part,” she said.",
    [
      ["The first part of a long statement.", "she"],
      ["The second part", "she"],
    ],
  ],
  [
    '"We have been clear," White House press secretary Ana Ruiz said.',
    [["We have been clear", "White House press secretary Ana Ruiz"]],
  ],
  ["Russia and China hailed their “strategic partnership” on Monday.", [["strategic partnership", null]]],
  [
    "“No leak was found,” reporters were told by the plant manager.",
    [["No leak was found", "the plant manager"]],
  ],
  ["Ortiz, who chairs the panel, said: “We will vote.”", [["We will vote.", "Ortiz"]]],
  [
    "Mr Abe, a senior adviser to the cabinet, told reporters: “The plan stands.”",
    [["The plan stands.", "Mr Abe"]],
  ],
  ["She told reporters, “The plan stands.”", [["The plan stands.", "She"]]],
  ["The envoy emphasised themes of “justice” in Oslo.", [["justice", "The envoy"]]],
  ["Officials criticised “an unfortunate leak” that suggested a deal.", [["an unfortunate leak", null]]],
];

for (const [text, expected] of cases) {
  test(`quotes in ${JSON.stringify(text.slice(0, 50))}`, () => {
    const doc = annotate(text, { date: null });
    assert.deepEqual(
      doc.quotes.map((q) => [q.text, q.speaker?.text ?? null]),
      expected,
    );
    for (const q of doc.quotes) {
      assert.equal(text.slice(q.start, q.end), q.text);
      if (q.speaker) assert.equal(text.slice(q.speaker.start, q.speaker.end), q.speaker.text);
      assert.equal(q.sentence, doc.tokens.find((t) => t.start >= q.start)!.sentence);
    }
  });
}
