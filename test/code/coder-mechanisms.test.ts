import { type Row, testRows } from "./event-expectations.js";

// Sentences written for these tests. Each row names events that must (or must not) be coded:
// `code` is a CAMEO prefix, `source`/`target` the country (or IGO) part of the actor code, "-" = no target.
const rows: readonly Row[] = [
  // statements: a political speaker's "said / announced" is a 010 event, asserted whatever the content's modality
  {
    mechanism: "statement by a ministry",
    text: "Brazil's foreign ministry said on Monday that the meeting had been useful.",
    want: [{ code: "010", source: "BRA", status: "asserted" }],
  },
  {
    mechanism: "statement after the reported clause keeps its own modality",
    text: "Turkey could close its airspace to military flights, a Turkish official said.",
    want: [{ code: "010", source: "TUR", status: "asserted" }],
  },
  {
    mechanism: "doctors are not political speakers",
    text: "Doctors in Spain say the hospitals are full.",
    never: [{ code: "01", source: "ESP" }],
  },
  // obligation: "X said Y must …" is a demand on Y
  {
    mechanism: "obligation in a reported clause is a demand",
    text: "Japan said that China must release the detained fishermen.",
    want: [{ code: "10", source: "JPN", target: "CHN", status: "asserted" }],
  },
  // announced future acts: the act keeps status future, its announcement is an intent / threat / refusal
  {
    mechanism: "future visit is an intent to meet",
    text: "The Kenyan president will visit Uganda next month.",
    want: [
      { code: "042", source: "KEN", target: "UGA", status: "future" },
      { code: "036", source: "KEN", target: "UGA", status: "asserted" },
    ],
  },
  {
    mechanism: "conditional strike announced by its actor is a threat",
    text: "Iran said it will strike Israel if it is attacked again.",
    want: [{ code: "13", source: "IRN", target: "ISR", status: "asserted" }],
  },
  // lists: "A, B, and C" is one compound actor
  {
    mechanism: "serial comma list as subject",
    text: "France, Germany, and Italy signed a defence agreement with Ukraine.",
    want: [
      { code: "05", source: "FRA", target: "UKR" },
      { code: "05", source: "DEU", target: "UKR" },
      { code: "05", source: "ITA", target: "UKR" },
    ],
  },
  {
    mechanism: "a lone comma does not join actors",
    text: "The situation in Sudan is grave, Egypt said.",
    never: [{ code: "01", source: "SDN" }],
  },
  // the object of a verb does not jump a comma into the reporting clause
  {
    mechanism: "object stops at a comma",
    text: "Ghana will send medical aid next week, Nigeria said.",
    want: [{ code: "07", source: "GHA", status: "future" }],
    never: [{ code: "07", source: "GHA", target: "NGA" }],
  },
  // infinitives take the subject of the verb they depend on
  {
    mechanism: "purpose infinitive keeps the main subject",
    text: "The European Union sent monitors to Georgia to investigate the shooting.",
    want: [{ code: "09", source: "IGOEUR" }],
    never: [{ code: "09", source: "GEO" }],
  },
  // a participial clause after a comma is outside the main clause's negation
  {
    mechanism: "negation stops at a participial clause",
    text: "Hamas did not free any prisoners on Sunday, accusing Israel of breaking the truce.",
    want: [{ code: "11", source: "PSE", target: "ISR", status: "asserted" }],
  },
  // a noun in "after / amid / over …" is presupposed: the clause's cue does not reach it
  {
    mechanism: "presupposed prepositional phrase",
    text: "Poland urged its allies to send more air defences after a wave of Russian missile strikes on Ukraine.",
    want: [{ code: "19", source: "RUS", target: "UKR", status: "asserted" }],
  },
  // a speech act is not made future by the future of what it announces
  {
    mechanism: "intent with a future date stays asserted",
    text: "Chile and Peru agreed to reopen their border crossings next week.",
    want: [{ code: "03", source: "CHL", target: "PER", status: "asserted" }],
  },
  // phrases that are never events
  {
    mechanism: "trade war is no war",
    text: "The trade war between Washington and Beijing has hurt American farmers.",
    never: [
      { code: "19", source: "USA" },
      { code: "19", source: "CHN" },
    ],
  },
  // the same agent noun in two countries is two actors
  {
    mechanism: "agents of two countries",
    text: "The armed forces of Chile and Argentina held joint exercises in Patagonia.",
    want: [{ code: "06", source: "CHL", target: "ARG", status: "asserted" }],
  },
  // "that" tagged as a determiner after an adjective still opens a clause
  {
    mechanism: "complementiser after an adjective",
    text: "The Ethiopian prime minister was hopeful that relations with Eritrea could improve.",
    want: [{ code: "013", source: "ETH", status: "asserted" }],
  },
  // history recaps: a clause dated to a year long before the article is background
  {
    mechanism: "history recap",
    text: "Iraq invaded Kuwait in 1990.",
    date: "2024-05-01",
    never: [{ code: "19", source: "IRQ" }],
  },
  {
    mechanism: "this year's event is news",
    text: "Iraq invaded Kuwait in 1990.",
    date: "1990-09-01",
    want: [{ code: "19", source: "IRQ", target: "KWT" }],
  },
  // violence outside combat is assault (18), combat between forces is fight (19)
  {
    mechanism: "militants killing villagers is assault",
    text: "Militants killed twelve villagers in central Mali.",
    want: [{ code: "18", source: "MLI" }],
    never: [{ code: "19", source: "MLI" }],
  },
  {
    mechanism: "soldiers killing militants is fight",
    text: "Malian soldiers killed twelve militants in central Mali.",
    want: [{ code: "19", source: "MLI" }],
  },
  // reported speech: "X said it will …" — the pronoun is the speaker
  {
    mechanism: "pronoun after a verb of saying is the speaker",
    text: "Chile said it will recall its ambassador from Caracas.",
    want: [
      { code: "16", source: "CHL", target: "VEN", status: "future" },
      { code: "13", source: "CHL", target: "VEN", status: "asserted" },
    ],
  },
  // a progressive form after "is" is active, not passive
  {
    mechanism: "progressive is not passive",
    text: "Norway is holding military exercises near its northern border.",
    want: [{ code: "15", source: "NOR", status: "asserted" }],
  },
  // an infinitive under "want / urge / order" has not happened
  {
    mechanism: "wanted act is hypothetical",
    text: "Serbia wants Hungary to close the border crossing.",
    want: [{ code: "19", source: "HUN", status: "hypothetical" }],
    never: [{ code: "19", source: "HUN", status: "asserted" }],
  },
  // protests are aimed at the authorities of the place, or at whom "against" names
  {
    mechanism: "protest target from the place",
    text: "Thousands of Chilean students demonstrated in Santiago on Monday.",
    want: [{ code: "14", source: "CHL", target: "CHL" }],
  },
  // a compound subject acting together does so on each other; "in Oslo" is where, not whom
  {
    mechanism: "joint talks with a place after them",
    text: "Colombian and Venezuelan officials held talks in Panama on Friday.",
    want: [
      { code: "04", source: "COL", target: "VEN" },
      { code: "04", source: "VEN", target: "COL" },
    ],
    never: [{ code: "04", source: "COL", target: "PAN" }],
  },
  // sourcing and conditions
  {
    mechanism: "according to a third party is a reported claim",
    text: "Belarus moved troops to the Polish border, according to two people familiar with the matter.",
    want: [{ code: "15", source: "BLR", status: "reported_claim" }],
  },
  {
    mechanism: "an if clause makes a would-act conditional",
    text: "Venezuela would seize the disputed region if Guyana let foreign troops in.",
    want: [{ code: "", source: "VEN", status: "conditional" }],
  },
  // the victims after a number are the target; a weapon named inside a generic act of force gives its code
  {
    mechanism: "quantified object and weapon code",
    text: "Separatist fighters wounded three Indian soldiers in a bomb attack in Kashmir.",
    want: [{ code: "183", source: "IND", target: "IND" }],
  },
];

testRows("coder", rows);
