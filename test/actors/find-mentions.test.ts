import assert from "node:assert/strict";
import { test } from "node:test";
import { codesOf, mentionsOf } from "./doc-of.js";

// Each case: a sentence in our own words, its date, and the `text → code` pairs expected among its mentions.
type Case = [label: string, text: string, date: string | null, expected: string[]];

const metonyms: Case[] = [
  [
    "two capitals acting together",
    "Moscow and Beijing pledged to deepen their partnership.",
    "2021-06-01",
    ["Moscow → RUSGOV", "Beijing → CHNGOV"],
  ],
  ["Washington speaking", "Washington said the talks had failed.", "2019-02-28", ["Washington → USAGOV"]],
  [
    "seats of power",
    "The Kremlin rejected a claim made by the White House.",
    "2022-05-01",
    ["Kremlin → RUSGOV", "White House → USAGOV"],
  ],
  ["the Pentagon is the military", "The Pentagon sent more jets.", "2024-01-01", ["Pentagon → USAMIL"]],
  [
    "Foggy Bottom is the State Department",
    "Foggy Bottom was surprised by the move.",
    "2018-01-01",
    ["Foggy Bottom → USAGOV"],
  ],
  [
    'a seat of power after "at" is a place',
    "Officials gathered at the Kremlin.",
    "2018-01-01",
    ["Kremlin → RUS"],
  ],
  [
    "a capital as a place is only the country",
    "A bomb exploded in Kabul on Sunday.",
    "2019-07-01",
    ["Kabul → AFG"],
  ],
  ["the Washington Post is not Washington", "The Washington Post reported the leak.", "2020-01-01", []],
];

const igos: Case[] = [
  [
    "the Security Council is the UN",
    "The UN Security Council met in an emergency session.",
    "2023-10-09",
    ["UN Security Council → IGOUNO"],
  ],
  ["NATO by name", "NATO said it would reinforce its eastern flank.", "2022-03-01", ["NATO → IGOWSTNAT"]],
  ["the nuclear watchdog", "The IAEA inspected the plant.", "2023-09-01", ["IAEA → IGOUNOIAE"]],
  [
    "the WHO only in capitals",
    "The WHO declared an emergency, officials who attended said.",
    "2020-01-30",
    ["WHO → IGOUNOHLHWHO"],
  ],
  [
    "a non-governmental group",
    "Amnesty International criticised the verdict.",
    "2021-01-01",
    ["Amnesty International → NGOHRIAMN"],
  ],
  [
    "peacekeepers of the UN",
    "UN peacekeepers withdrew from the base.",
    "2023-12-01",
    ["UN peacekeepers → IGOUNOMIL"],
  ],
];

const groups: Case[] = [
  [
    "the Taliban as insurgents",
    "The Taliban attacked a police checkpoint.",
    "2019-03-01",
    ["Taliban → AFGREB", "police → ---COP"],
  ],
  ["the Taliban in power", "The Taliban closed universities to women.", "2022-12-21", ["Taliban → AFGGOV"]],
  [
    "Hamas and Hezbollah",
    "Hamas and Hezbollah praised the attack.",
    "2023-10-08",
    ["Hamas → PSEREB", "Hezbollah → LBNREB"],
  ],
  [
    "the Islamic State is transnational",
    "Islamic State claimed the bombing.",
    "2016-03-22",
    ["Islamic State → IMGREB"],
  ],
  [
    "a regional branch keeps its country",
    "Al-Qaeda in the Arabian Peninsula released a video.",
    "2015-01-14",
    ["Al-Qaeda in the Arabian Peninsula → YEMREB"],
  ],
  [
    "Sudan's RSF after the war began",
    "The RSF shelled a market in Omdurman.",
    "2023-06-01",
    ["RSF → SDNREB"],
  ],
  ["the Houthis", "The Houthis fired a missile at a ship.", "2024-01-12", ["Houthis → YEMREB"]],
  [
    "a group with an agent noun keeps its code",
    "Hezbollah fighters crossed the line.",
    "2024-10-01",
    ["Hezbollah fighters → LBNREB"],
  ],
];

const agents: Case[] = [
  ["adjective + troops", "Russian troops entered the village.", "2022-03-01", ["Russian troops → RUSMIL"]],
  ["adjective + police", "Israeli police detained two men.", "2015-01-01", ["Israeli police → ISRCOP"]],
  [
    "adjective + officials",
    "Chinese officials denied the report.",
    "2020-01-01",
    ["Chinese officials → CHNGOV"],
  ],
  ["possessive + army", "It strengthened China's army.", "2020-01-01", ["China's army → CHNMIL"]],
  [
    "agent of two countries",
    "The armed forces of China and Russia held joint drills.",
    "2020-10-22",
    ["armed forces of China → CHNMIL", "Russia → RUSMIL"],
  ],
  [
    "two adjectives share a noun",
    "Hungarian and Romanian officials met.",
    null,
    ["Hungarian → HUNGOV", "Romanian officials → ROUGOV"],
  ],
  [
    "an agent in a country",
    "Protesters in Iraq blocked roads.",
    "2019-10-01",
    ["Protesters in Iraq → IRQOPP"],
  ],
  [
    "a generic head takes the sector before it",
    "Russian military officials declined to comment.",
    "2022-01-01",
    ["Russian military officials → RUSMIL"],
  ],
  [
    "the last real noun decides",
    "Syrian government forces retook the town.",
    "2018-01-01",
    ["Syrian government forces → SYRMIL"],
  ],
  [
    "a led coalition belongs to its leader",
    "The US-led coalition struck a depot.",
    "2017-01-01",
    ["US-led coalition → USAMIL"],
  ],
  [
    "backed militias are not their backer's",
    "Iranian-backed militias fired rockets.",
    "2020-01-05",
    ["Iranian-backed militias → ---REB"],
  ],
  [
    "no country named",
    "Police fired tear gas at demonstrators.",
    "2019-01-01",
    ["Police → ---COP", "demonstrators → ---OPP"],
  ],
  [
    "an agent noun before another noun is a modifier",
    "They discussed a possible military alliance.",
    "2020-01-01",
    [],
  ],
  [
    "a title and an unknown name",
    "Nigerien Foreign Minister Kalla Ankourao arrived.",
    null,
    ["Nigerien Foreign Minister Kalla Ankourao → NERGOV"],
  ],
  ["lawmakers", "Ukrainian lawmakers approved the budget.", "2023-01-01", ["Ukrainian lawmakers → UKRLEG"]],
  ["a court", "Israel's high court froze the plan.", "2023-01-01", ["Israel's high court → ISRJUD"]],
  [
    "refugees",
    "Syrian refugees crossed into Turkey.",
    "2015-09-01",
    ["Syrian refugees → SYRREF", "Turkey → TUR"],
  ],
  ["journalists", "Turkish journalists were detained.", "2016-08-01", ["Turkish journalists → TURMED"]],
  [
    "intelligence",
    "US intelligence agencies warned of an attack.",
    "2021-08-20",
    ["US intelligence agencies → USASPY"],
  ],
  [
    "a former official is ELI",
    "Former Iraqi officials were arrested.",
    "2004-01-01",
    ["Iraqi officials → IRQELI"],
  ],
];

const countries: Case[] = [
  [
    "abbreviations in capitals only",
    "The U.S. and the UK told us they agreed.",
    "2021-01-01",
    ["U.S. → USA", "UK → GBR"],
  ],
  [
    "short forms and demonyms",
    "Britain, North Korea and the Afghans",
    "2021-01-01",
    ["Britain → GBR", "North Korea → PRK", "Afghans → AFG"],
  ],
  ["a hyphenated pair", "Russia-China relations improved.", "2020-01-01", ["Russia → RUS", "China → CHN"]],
  ["a common word that is also a country", "They ate turkey in Chad.", "2020-01-01", ["Chad → TCD"]],
  [
    "accents do not matter",
    "Côte d'Ivoire and Cote d'Ivoire",
    null,
    ["Côte d'Ivoire → CIV", "Cote d'Ivoire → CIV"],
  ],
  ["Kosovo's code", "Kosovo and Serbia resumed talks.", "2023-01-01", ["Kosovo → KSV", "Serbia → SRB"]],
];

for (const [group, cases] of [
  ["metonym", metonyms],
  ["organisation", igos],
  ["armed group", groups],
  ["agent", agents],
  ["country", countries],
] as const) {
  for (const [label, text, date, expected] of cases) {
    test(`${group}: ${label}`, () => {
      const got = codesOf(text, date);
      if (!expected.length) assert.deepEqual(got, [], `expected no mentions, got ${got.join(" | ")}`);
      for (const e of expected) assert.ok(got.includes(e), `expected '${e}' among: ${got.join(" | ")}`);
    });
  }
}

test("mentions are ordered, do not overlap, and point into the text", () => {
  const text =
    "Russian President Vladimir Putin met Chinese troops while NATO and the European Union watched. The two sides said they would talk.";
  const ms = mentionsOf(text, "2020-10-22");
  assert.ok(ms.length >= 5);
  for (let i = 0; i < ms.length; i++) {
    const m = ms[i]!;
    assert.equal(text.slice(m.start, m.end), m.text);
    assert.ok(m.tokenEnd > m.tokenStart);
    assert.ok(m.why.length > 0);
    const prev = ms[i - 1];
    if (prev && !(prev.start === m.start && prev.end === m.end))
      assert.ok(prev.end <= m.start, `${prev.text} overlaps ${m.text}`);
  }
});

test("the dateline is not a mention", () => {
  const ms = mentionsOf("MOSCOW (AP) — The foreign ministry said nothing.", "2020-01-01");
  assert.ok(!ms.some((m) => m.text === "MOSCOW"));
});
