import assert from "node:assert/strict";
import { test } from "node:test";
import { mentionsOf } from "./doc-of.js";

// Who a name or title is depends on the article date: one line per office in data/actors, ELI outside them.
const cases: Array<[label: string, text: string, date: string | null, phrase: string, code: string]> = [
  [
    "Trump in his first term",
    "President Trump signed the order on Friday.",
    "2018-03-09",
    "President Trump",
    "USAGOV",
  ],
  [
    "Trump between his terms is a former official",
    "President Trump held a rally in Ohio.",
    "2022-04-23",
    "President Trump",
    "USAELI",
  ],
  [
    "Trump in his second term",
    "President Trump announced new tariffs.",
    "2025-04-02",
    "President Trump",
    "USAGOV",
  ],
  ["Trump before any office", "Donald Trump said he might run.", "2015-05-01", "Donald Trump", "USAELI"],
  [
    "Putin as prime minister",
    "Prime Minister Vladimir Putin toured a factory.",
    "2010-06-15",
    "Prime Minister Vladimir Putin",
    "RUSGOV",
  ],
  ["Putin as president", "Putin spoke by phone with the Turkish leader.", "2019-01-10", "Putin", "RUSGOV"],
  ["Biden as president", "Biden hosted the summit in Washington.", "2023-08-18", "Biden", "USAGOV"],
  ["Biden after office", "Biden gave a speech in Chicago.", "2025-06-01", "Biden", "USAELI"],
  ["Xi from his party post", "Xi Jinping chaired the meeting.", "2012-12-01", "Xi Jinping", "CHNGOV"],
  [
    "Zelensky as president",
    "Volodymyr Zelensky addressed parliament.",
    "2022-03-01",
    "Volodymyr Zelensky",
    "UKRGOV",
  ],
  ["Netanyahu in opposition", "Netanyahu attacked the new coalition.", "2021-09-01", "Netanyahu", "ISROPP"],
  [
    "Netanyahu back in office",
    "Netanyahu convened the security cabinet.",
    "2023-10-08",
    "Netanyahu",
    "ISRGOV",
  ],
  [
    "Modi as prime minister",
    "Narendra Modi opened the new parliament building.",
    "2023-05-28",
    "Narendra Modi",
    "INDGOV",
  ],
  [
    "Merz after becoming chancellor",
    "Friedrich Merz travelled to Paris.",
    "2025-05-07",
    "Friedrich Merz",
    "DEUGOV",
  ],
  [
    "Lavrov as foreign minister",
    "Sergei Lavrov met his counterpart.",
    "2016-02-11",
    "Sergei Lavrov",
    "RUSGOV",
  ],
  [
    "a UN chief is the UN",
    "Secretary-General Antonio Guterres urged restraint.",
    "2024-04-14",
    "Secretary-General Antonio Guterres",
    "IGOUNO",
  ],
  [
    "an armed group's leader",
    "Hassan Nasrallah gave a televised speech.",
    "2020-01-05",
    "Hassan Nasrallah",
    "LBNREB",
  ],
  [
    "no date: the office a title names",
    "Prime Minister Putin met the governors.",
    null,
    "Prime Minister Putin",
    "RUSGOV",
  ],
];

for (const [label, text, date, phrase, code] of cases) {
  test(`leader by date: ${label}`, () => {
    const m = mentionsOf(text, date).find((x) => x.text === phrase);
    assert.ok(
      m,
      `no mention '${phrase}' in: ${mentionsOf(text, date)
        .map((x) => x.text)
        .join(" | ")}`,
    );
    assert.equal(m.code, code, m.why);
    assert.equal(m.kind, "person");
  });
}

test("the same surname is read as whoever held office on the date", () => {
  // "Bush" is two presidents in the knowledge base
  const early = mentionsOf("Bush met the Saudi king.", "1991-02-01").find((m) => m.text === "Bush");
  const late = mentionsOf("Bush met the Saudi king.", "2005-04-25").find((m) => m.text === "Bush");
  assert.equal(early?.entity, "person:george-h-w-bush");
  assert.equal(late?.entity, "person:george-w-bush");
});

test("a former official's why says so", () => {
  const m = mentionsOf("Obama campaigned in Georgia.", "2019-11-01").find((x) => x.text === "Obama");
  assert.equal(m?.code, "USAELI");
  assert.match(m!.why, /former president/);
});
