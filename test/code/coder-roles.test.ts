import { type Row, testRows } from "./event-expectations.js";

// Sentences written for these tests: who acts on whom. `code` is a CAMEO prefix, `source`/`target` the start of
// the actor code (country, or country + sector); target "-" means the event has no target.
const rows: readonly Row[] = [
  // reduced relative clauses in the passive: the noun before the participle is acted upon
  {
    mechanism: "reduced passive: the noun before the participle is the patient",
    text: "A Kurdish lawmaker jailed over a speech last year was released by Turkey on Friday.",
    want: [{ code: "084", source: "TUR" }],
    never: [{ code: "17", source: "TUR" }],
  },
  {
    mechanism: "reduced passive with 'by': the agent acts",
    text: "Peru's president met families of miners killed by Chilean police.",
    want: [{ code: "04", source: "PER" }],
    never: [
      { code: "18", source: "PER" },
      { code: "19", source: "PER" },
    ],
  },
  {
    mechanism: "an active verb before a particle stays active",
    text: "Swiss engineers handed over water pumps to the Sudanese government.",
    want: [{ code: "07", source: "CHE", target: "SDN" }],
  },
  // a participle used as an adjective is no event
  {
    mechanism: "attributive participle is no trigger",
    text: "The Thai prime minister met exiled opposition leaders from Cambodia.",
    want: [{ code: "04", source: "THA", target: "KHM" }],
    never: [{ code: "17", source: "THA" }],
  },
  // wink tags some verbs after a modal as adjectives; "would" in reported speech is the future seen from the past
  {
    mechanism: "verb after a modal, reported future",
    text: "Egypt announced it would free 30 Sudanese fishermen.",
    want: [{ code: "084", source: "EGY", target: "SDN", status: "future" }],
  },
  // "received X from Y": Y gives
  {
    mechanism: "inverse pattern: received weapons from",
    text: "The Libyan militia received weapons from Chad.",
    want: [{ code: "07", source: "TCD", target: "LBY" }],
    never: [{ code: "07", source: "LBY" }],
  },
  {
    mechanism: "inverse pattern: received assurances from",
    text: "Armenia received assurances from France.",
    want: [{ code: "03", source: "FRA", target: "ARM" }],
  },
  // passives without "by"
  {
    mechanism: "passive without 'by': the place after 'from' is the agent",
    text: "Turkey said several shells were fired at it from Syria.",
    want: [{ code: "19", source: "SYR", target: "TUR" }],
  },
  {
    mechanism: "passive without 'by': the actor of the act named after 'in'",
    text: "Two farmers were killed in Turkish artillery shelling in Iraq.",
    want: [{ code: "19", source: "TUR", target: "IRQ" }],
    never: [{ code: "19", source: "IRQ" }],
  },
  {
    mechanism: "an arrest in the passive with no agent is by the authorities of the place",
    text: "Two journalists from Sweden were detained in Ethiopia on Monday.",
    want: [{ code: "17", source: "ETHGOV", target: "SWE" }],
  },
  // the place of an act stands for its target
  {
    mechanism: "protest in a place targets that place's government",
    text: "Activists from Japan held a protest in Moscow on Sunday.",
    want: [{ code: "14", source: "JPN", target: "RUS" }],
    never: [{ code: "14", source: "JPN", target: "JPN" }],
  },
  {
    mechanism: "military exercises in another state's territory target it",
    text: "Russia conducted naval drills in Norway last week.",
    want: [{ code: "15", source: "RUS", target: "NOR" }],
  },
  // an actor after "in / near / from" is no subject
  {
    mechanism: "a place inside the subject phrase is not the subject",
    text: "A refinery fire in Kuwait threatened nearby towns.",
    never: [{ code: "13", source: "KWT" }],
  },
  // a participial clause shares the subject of the clause before it
  {
    mechanism: "participial clause inherits the subject, not the nearest actor",
    text: "Ethiopian troops shelled a town near Sudan, killing nine civilians.",
    want: [{ code: "19", source: "ETH" }],
    never: [{ code: "19", source: "SDN" }],
  },
  // agents named without a country
  {
    mechanism: "a bare ministry takes the country of its sentence's subject",
    text: "Poland will send tanks to Ukraine, the defence ministry said.",
    want: [{ code: "07", source: "POL", target: "UKR" }],
    never: [
      { code: "01", source: "UKR" },
      { code: "07", source: "UKR" },
    ],
  },
  {
    mechanism: "no statement from officials with a guessed country",
    text: "Health officials say the flu season has started early in Canada.",
    never: [{ code: "01", source: "CAN" }],
  },
  {
    mechanism: "victims take the country of the place",
    text: "Three villagers were killed in Ugandan army shelling in Congo.",
    want: [{ code: "19", source: "UGA", target: "COD" }],
  },
  // pronouns for states
  {
    mechanism: "'it' as subject refers to the latest state that was a subject",
    text: "Iran expelled two British diplomats on Monday. It also summoned the ambassador of Denmark.",
    want: [{ code: "11", source: "IRN", target: "DNK" }],
  },
  {
    mechanism: "dummy 'it' refers to nothing",
    text: "Russia met Chinese officials. It is clear that talks will go on.",
    never: [{ code: "04", source: "RUS", target: "RUS" }],
  },
  // the object of a light verb is the other side of the noun's act
  {
    mechanism: "light verb object is the target of the noun trigger",
    text: "Kenyan police engaged Somali militants in a gunfight near the border.",
    want: [{ code: "19", source: "KEN", target: "SOM" }],
  },
  // topics and figures of speech
  {
    mechanism: "a noun trigger described by a copula is a topic",
    text: "Brazil's foreign minister said the civil war in Sudan is a tragedy.",
    never: [{ code: "19", source: "SDN" }],
  },
  {
    mechanism: "a media bombardment is a figure of speech",
    text: "Despite a media bombardment from Spanish newspapers, the club kept its coach.",
    never: [{ code: "19", source: "ESP" }],
  },
];

testRows("coder roles", rows);
