import assert from "node:assert/strict";
import { test } from "node:test";
import { codesOf, mentionsOf } from "./doc-of.js";

// The country named anywhere in an actor's own phrase must reach its code: a mention carries `---` only when its
// words name no country. Names of people below are invented, so the knowledge base cannot know them.
type Case = [label: string, text: string, date: string | null, expected: string[]];

const titledStrangers: Case[] = [
  [
    "adjective + title + unknown name",
    "British Defence Secretary Orla Venning flew to Oslo.",
    "1990-05-01",
    ["British Defence Secretary Orla Venning → GBRGOV"],
  ],
  [
    "a title word inside the name is part of the name",
    "British Defence Secretary Tam King promised more aid.",
    "1990-05-01",
    ["British Defence Secretary Tam King → GBRGOV"],
  ],
  [
    "title + name + of + country",
    "President Arno Velic of Moldavia-on-Sea met King Odran of Morocco.",
    "1995-01-01",
    ["King Odran of Morocco → MARGOV"],
  ],
  [
    "an ousted leader of a named country is a former official",
    "Ousted President Tibor Anwe of Haiti returned home.",
    "1995-01-01",
    ["President Tibor Anwe of Haiti → HTIELI"],
  ],
  [
    "a name in apposition takes the country of the titled actor before it",
    "The US commander in Iraq, General Marl Osgood, said the convoy was hit.",
    "2004-01-01",
    ["US commander → USAMIL", "General Marl Osgood → USAMIL"],
  ],
  [
    "apposition right after the title",
    "Kenya's defence chief, General Ayo Mbeki-Lunde, resigned.",
    "2004-01-01",
    ["General Ayo Mbeki-Lunde → KENMIL"],
  ],
  [
    "no apposition across a verb",
    "The Kenyan envoy left, and General Ayo Lunde stayed.",
    "2004-01-01",
    ["General Ayo Lunde → ---MIL"],
  ],
  [
    "a month after a title is no name",
    "He hopes to be elected prime minister February 4.",
    null,
    ["prime minister → ---GOV"],
  ],
];

const possessives: Case[] = [
  [
    "country's + organisation + role: the country's envoy",
    "Freedonia's UN ambassador walked out. Iran's IAEA envoy objected.",
    "2010-01-01",
    ["Iran's IAEA envoy → IRNGOV"],
  ],
  ["country's + institution", "China's army moved north.", "2010-01-01", ["China's army → CHNMIL"]],
  [
    "country's + titled role",
    "Iraq's national security advisor resigned.",
    "2010-01-01",
    ["Iraq's national security advisor → IRQGOV"],
  ],
  [
    "'its' + agent noun → the state named first",
    "Syria offered its troops to Lebanon.",
    "1990-01-01",
    ["its troops → SYRMIL"],
  ],
  [
    "'its' skips a country in a side phrase",
    "Pakistan, a close U.S. ally, urged its citizens to leave.",
    "2004-01-01",
    ["its citizens → PAKCVL"],
  ],
  [
    "'its' for an organisation",
    "The United Nations withdrew its peacekeepers.",
    "2004-01-01",
    ["its peacekeepers → IGOUNOMIL"],
  ],
  ["'its' before a plain noun is no actor", "Israel defended its decision.", "2004-01-01", ["Israel → ISR"]],
];

const ofPhrases: Case[] = [
  [
    "leaders of an opposition coalition of a named country",
    "Leaders of the Cambodian opposition coalition met in Paris.",
    "1995-01-01",
    ["Leaders of the Cambodian opposition coalition → KHMOPP"],
  ],
  [
    "leaders of a coalition with an unknown name keep its sector",
    "Leaders of the Yashil (Green) opposition coalition agreed to wait.",
    "1995-01-01",
    ["Leaders of the Yashil (Green) opposition coalition → ---OPP"],
  ],
  [
    "leaders of a government named by its country's possessive",
    "Envoys met leaders of Romania's new government.",
    "1990-01-01",
    ["leaders of Romania's new government → ROUGOV"],
  ],
  [
    "the spokesman of a group",
    "The spokesman of Hamas denied it.",
    "2010-01-01",
    ["spokesman of Hamas → PSEREB"],
  ],
  [
    "the head of a national delegation",
    "The head of the Russian delegation walked out.",
    "2010-01-01",
    ["head of the Russian delegation → RUSGOV"],
  ],
  [
    "rebels in the named country",
    "Rebels in the Ivory Coast rejected the plan.",
    "2003-01-01",
    ["Rebels in the Ivory Coast → CIVREB"],
  ],
];

const communities: Case[] = [
  [
    "a place before a people: the place",
    "Bosnian Serbs shelled the town.",
    "1994-01-01",
    ["Bosnian Serbs → BIH"],
  ],
  ["the same with a name", "Kosovo Albanians marched.", "1998-01-01", ["Kosovo Albanians → KSV"]],
  [
    "a place, a community and an agent",
    "Bosnian Serb forces withdrew. Croatian Serb refugees returned.",
    "1995-01-01",
    ["Bosnian Serb forces → BIHMIL", "Croatian Serb refugees → HRVREF"],
  ],
  ["a stateless community before a place", "Iraqi Kurds voted.", "2005-01-01", ["Iraqi Kurds → IRQ"]],
  ["a stateless community alone has no country", "Kurds marched.", "2005-01-01", ["Kurds → ---"]],
  [
    "a community with an agent noun",
    "Kurdish rebels attacked. Moslem forces held the hill.",
    "1994-01-01",
    ["Kurdish rebels → ---REB", "Moslem forces → ---MIL"],
  ],
  [
    "a community's place after the head",
    "Kurdish rebels in Turkey attacked a post.",
    "1994-01-01",
    ["Kurdish rebels in Turkey → TURREB"],
  ],
  [
    "a community with one homeland",
    "Chechen rebels seized a school.",
    "2004-01-01",
    ["Chechen rebels → RUSREB"],
  ],
  [
    "'ethnic' makes a nation's people a community",
    "Ethnic Albanians blocked the road. Ethnic Serb civilians fled.",
    "1999-01-01",
    ["Albanians → ---", "Serb civilians → ---CVL"],
  ],
  [
    "Cypriots of either community are Cyprus",
    "Turkish Cypriot leaders met Greek Cypriots.",
    "2004-01-01",
    ["Turkish Cypriot leaders → CYPGOV", "Greek Cypriots → CYP"],
  ],
  [
    "two nations named together stay two",
    "Russian and Chinese troops drilled.",
    "2020-01-01",
    ["Russian → RUSMIL", "Chinese troops → CHNMIL"],
  ],
];

const formerNames: Case[] = [
  [
    "names of states in archive news",
    "The Soviet Union and Yugoslavia protested; Zaire and Kampuchea did not.",
    "1985-01-01",
    ["Soviet Union → RUS", "Yugoslavia → SRB", "Zaire → COD", "Kampuchea → KHM"],
  ],
  [
    "their adjectives",
    "Soviet troops, Yugoslav diplomats and Kampuchean guerrillas",
    "1985-01-01",
    ["Soviet troops → RUSMIL", "Yugoslav diplomats → SRBGOV", "Kampuchean guerrillas → KHMREB"],
  ],
];

for (const [group, cases] of [
  ["titled stranger", titledStrangers],
  ["possessive", possessives],
  ["of-phrase", ofPhrases],
  ["community", communities],
  ["former name", formerNames],
] as const) {
  for (const [label, text, date, expected] of cases) {
    test(`${group}: ${label}`, () => {
      const got = codesOf(text, date);
      for (const e of expected) assert.ok(got.includes(e), `expected '${e}' among: ${got.join(" | ")}`);
    });
  }
}

test("a community with no state carries no country, so the article can supply one", () => {
  const [m] = mentionsOf("Kurds marched.", "2005-01-01");
  assert.ok(m);
  assert.equal(m.country, null);
  assert.equal(m.sector, null);
  assert.match(m.why, /community: Kurds/);
});
