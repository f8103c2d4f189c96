import { type Row, testRows } from "./event-expectations.js";

// Sentences written for these tests. Each row names events that must (or must not) be coded:
// `code` is a CAMEO prefix, `source`/`target` the country (or IGO) part of the actor code, "-" = no target.
const rows: readonly Row[] = [
  // unnamed agents: the scene a sentence opens on comes before the dateline
  {
    mechanism: "a sentence that opens on a foreign scene places its police there, not at the dateline",
    text: "ROME (Wire) — Italian ministers met on Monday. In Tunis, police arrested twelve migrants on Sunday.",
    want: [{ code: "173", source: "TUN" }],
    never: [{ code: "173", source: "ITA" }],
  },
  {
    mechanism: "a sentence with no scene of its own continues the scene the sentence before opened on",
    text: "ROME (Wire) — Italian ministers met on Monday. In Tunis, police arrested twelve migrants on Sunday. Officers fired tear gas at the protesters.",
    want: [{ code: "175", source: "TUN" }],
    never: [{ code: "175", source: "ITA" }],
  },
  {
    mechanism: "a new paragraph does not continue the scene",
    text: "ROME (Wire) — Italian ministers met on Monday. In Tunis, police arrested twelve migrants on Sunday.\n\nOfficers fired tear gas at the protesters.",
    want: [{ code: "175", source: "ITA" }],
  },
  {
    mechanism: "a sentence with a scene of its own keeps it",
    text: "ROME (Wire) — Italian ministers met on Monday. In Tunis, police arrested twelve migrants on Sunday. In Rome, officers fired tear gas at the protesters.",
    want: [{ code: "175", source: "ITA" }],
  },
  {
    mechanism: "the first sentence opens on its scene after the dateline",
    text: "ROME (Wire) — In Tunis, police arrested twelve migrants on Sunday.",
    want: [{ code: "173", source: "TUN", target: "TUN" }],
  },
  {
    mechanism: "without a scene, unnamed police belong to the dateline",
    text: "ROME (Wire) — Police arrested twelve migrants on Sunday near the port.",
    want: [{ code: "173", source: "ITA" }],
  },
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
  // coordinated verbs: a modal, future or negation before the first of two coordinated verbs covers the second
  {
    mechanism: "a future auxiliary covers the second of two coordinated verbs",
    text: "Moscow will summon the British ambassador and expel two diplomats, the foreign ministry said.",
    want: [
      { code: "110", source: "RUS", status: "future" },
      { code: "161", source: "RUS", status: "future" },
    ],
    never: [{ code: "161", source: "RUS", status: "asserted" }],
  },
  {
    mechanism: "a reported 'would' covers the coordinated verb too",
    text: "Lithuania said it would close its border with Belarus and expel Belarusian diplomats.",
    want: [
      { code: "191", source: "LTU", target: "BLR", status: "future" },
      { code: "161", source: "LTU", target: "BLR", status: "future" },
    ],
    never: [{ code: "161", source: "LTU", status: "asserted" }],
  },
  {
    mechanism: "a negated auxiliary covers a verb coordinated with 'or'",
    text: "Ghana will not expel the Nigerian diplomats, recall its envoy or close its embassy in Abuja.",
    want: [{ code: "161", source: "GHA", target: "NGA", status: "negated" }],
    never: [{ code: "16", source: "GHA", status: "asserted" }],
  },
  {
    mechanism: "'plans to' covers an infinitive coordinated with the planned one",
    text: "Beijing plans to hold talks with Manila and sign a fishing agreement.",
    want: [{ code: "057", source: "CHN", status: "future" }],
    never: [{ code: "057", source: "CHN", status: "asserted" }],
  },
  {
    mechanism: "a coordinated clause with its own subject keeps its own modality",
    text: "Russia will not attend the summit, and China has recalled its ambassador from Lithuania.",
    want: [
      { code: "042", source: "RUS", status: "negated" },
      { code: "161", source: "CHN", target: "LTU", status: "asserted" },
    ],
  },
  {
    mechanism: "a coordinated verb with its own auxiliary keeps its own modality",
    text: "Hungary will not sign the declaration and has recalled its ambassador from Kyiv.",
    want: [{ code: "161", source: "HUN", target: "UKR", status: "asserted" }],
  },
  {
    mechanism: "a past verb after 'did not' is no coordinated bare verb: it keeps its own modality",
    text: "The Egyptian army did not arrest the protesters and released them on Sunday.",
    want: [
      { code: "173", source: "EGY", status: "negated" },
      { code: "0841", source: "EGY", status: "asserted" },
    ],
  },
  // lifting a restriction: the yielding verb wins over the restriction noun's own code
  {
    mechanism: "lifting a blockade of a place is an eased blockade, not a blockade",
    text: "Saudi Arabia and the UAE lifted their blockade of Qatar on Tuesday.",
    want: [{ code: "0872", source: "SAU", target: "QAT" }],
    never: [{ code: "19", source: "" }],
  },
  {
    mechanism: "easing a naval blockade is no blockade either",
    text: "Israel eased its naval blockade of the Gaza Strip.",
    want: [{ code: "0872", source: "ISR", target: "PSE" }],
    never: [{ code: "19", source: "" }],
  },
  {
    mechanism: "removing a blockade (the verb 'remove')",
    text: "Azerbaijan removed its blockade of the Lachin corridor to Armenia.",
    want: [{ code: "0872", source: "AZE", target: "ARM" }],
    never: [{ code: "19", source: "" }],
  },
  {
    mechanism: "the easing of a blockade, as a noun phrase",
    text: "Israel announced the easing of the blockade of Gaza.",
    want: [{ code: "0872", source: "ISR", target: "PSE" }],
    never: [{ code: "19", source: "" }],
  },
  {
    mechanism: "easing a travel ban is no travel ban",
    text: "Italy eased the travel ban on visitors from Albania.",
    want: [{ code: "081", source: "ITA" }],
    never: [
      { code: "16", source: "" },
      { code: "17", source: "" },
    ],
  },
  {
    mechanism: "lifting an arms embargo is no embargo",
    text: "Washington lifted the arms embargo on Vietnam.",
    want: [{ code: "085", source: "USA", target: "VNM" }],
    never: [{ code: "16", source: "" }],
  },
  {
    mechanism: "lifting a curfew is no curfew",
    text: "The Sri Lankan government lifted the curfew in Colombo.",
    want: [{ code: "0813", source: "LKA" }],
    never: [{ code: "17", source: "" }],
  },
  {
    mechanism: "a protest keeps the act it is against",
    text: "Serbian nationalists held a demonstration against the recognition of Kosovo independence by the United States.",
    date: "2008-02-22",
    want: [{ code: "054", source: "USA" }],
  },
  // admissions: 015 only when what is owned up to is an act or responsibility
  {
    mechanism: "acknowledging a state of affairs is a statement, not a claim of responsibility",
    text: "The Pentagon acknowledged that the talks with China had stalled.",
    want: [{ code: "010", source: "USA" }],
    never: [{ code: "015", source: "" }],
  },
  {
    mechanism: "admitting a fact is no claim of responsibility",
    text: "The Greek finance minister admitted that the deficit was larger than reported.",
    never: [{ code: "015", source: "" }],
  },
  {
    mechanism: "acknowledging an attack suffered is no claim of responsibility",
    text: "The Pentagon acknowledged the attack on its base in Syria.",
    never: [{ code: "015", source: "" }],
  },
  {
    mechanism: "admitting that it carried out a bombing is a claim of responsibility",
    text: "Hamas admitted that its fighters carried out the bombing in Jerusalem.",
    want: [
      { code: "015", source: "PSE" },
      { code: "18", source: "PSE", target: "ISR" },
    ],
  },
  {
    mechanism: "acknowledging that its forces shelled a town: the admission and the shelling",
    text: "Russia acknowledged that its forces had shelled the market in Kherson.",
    want: [
      { code: "015", source: "RUS" },
      { code: "194", source: "RUS", target: "UKR", status: "asserted" },
    ],
  },
  {
    mechanism: "acknowledging killing people is a claim of responsibility",
    text: "Israeli troops admitted killing three Palestinian civilians.",
    want: [
      { code: "015", source: "ISR" },
      { code: "190", source: "ISR", target: "PSE" },
    ],
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
  // "it" stands for a state, organisation or body, never for a person or persons; "they" never for one named person
  {
    mechanism: "'it' never points back to a person agent: a prime minister's 'it' is nobody",
    text: "The Kenyan prime minister visited Berlin. Later it expelled two German diplomats.",
    never: [{ code: "16", source: "KEN" }],
  },
  {
    mechanism: "'it' as a subject skips an earlier person agent (a former bank chief)",
    text: "The former World Bank chief criticised the IMF when it lent money to Argentina.",
    never: [{ code: "07", source: "IGOUNODEVWBK" }],
  },
  {
    mechanism: "'they' after one named person's verb of saying is not that person",
    text: "Emmanuel Macron said they would expel the Russian diplomats.",
    never: [{ code: "16", source: "FRA" }],
  },
  {
    mechanism: "a spokesman's 'they' is the body he speaks for",
    text: "A Houthi spokesman said they would fire missiles at Saudi Arabia.",
    want: [{ code: "19", source: "YEM", target: "SAU", status: "future" }],
  },
  {
    mechanism: "'it' opening the clause of 'warned that' is the group that warned",
    text: "Hamas warned that it would kidnap more Israeli soldiers.",
    want: [{ code: "181", source: "PSE", target: "ISR" }],
  },
  {
    mechanism: "'it' as the object of 'denied' is no actor",
    text: "The Sudanese army denied it.",
    want: [{ code: "016", source: "SDN" }],
    never: [{ code: "1", source: "SDN" }],
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
  // an infinitive inside another pattern's gap is an act of its own ("is scheduled to attend a summit")
  {
    mechanism: "infinitive inside a planning phrase keeps its own event",
    text: "The Chilean president is scheduled to attend a trade forum in Peru next month.",
    want: [{ code: "042", source: "CHL", target: "PER", status: "future" }],
  },
  {
    mechanism: "no visit to one's own country",
    text: "The Polish defence minister attended a parade in Warsaw on Friday.",
    never: [{ code: "042", source: "POL", target: "POL" }],
  },
  // "seeks to / wants to" + act: the subject's own aim states an intent or a threat
  {
    mechanism: "own aim to cooperate is an intent",
    text: "Vietnam is seeking to strengthen ties with Australia.",
    want: [{ code: "03", source: "VNM", target: "AUS", status: "asserted" }],
  },
  {
    mechanism: "own aim to attack is a threat",
    text: "Azerbaijan wants to attack Armenia.",
    want: [{ code: "13", source: "AZE", target: "ARM", status: "asserted" }],
  },
  {
    mechanism: "another's wish is no threat of the one who wishes",
    text: "Belarus wants Russia to attack Poland.",
    never: [{ code: "13", source: "BLR", target: "POL" }],
  },
  // a compound subject "A and the B" is one group
  {
    mechanism: "compound subject over an article",
    text: "Chile and the Philippines held talks on fisheries.",
    want: [
      { code: "04", source: "CHL", target: "PHL" },
      { code: "04", source: "PHL", target: "CHL" },
    ],
  },
  // passives: "by a …" names the agent; "there were … killed in X"; foreign troops hit on another state's soil
  {
    mechanism: "agent after by and an article",
    text: "The Russian embassy was attacked by a Syrian militant group.",
    want: [{ code: "18", source: "SYR", target: "RUS" }],
    never: [{ code: "", source: "RUS", target: "RUS" }],
  },
  {
    mechanism: "existential passive: the soldiers are the victims",
    text: "There were six Eritrean soldiers killed in Ethiopia last week.",
    want: [{ code: "19", source: "ETH", target: "ERI" }],
    never: [{ code: "19", source: "ERI" }],
  },
  // protesters' violence is a violent protest
  {
    mechanism: "protesters attacking is 145",
    text: "Protesters attacked a police station in Nairobi.",
    want: [{ code: "145", source: "KEN" }],
  },
  // a state that reports another's hostile act as fact accuses it; a trailing attribution does not
  {
    mechanism: "leading speaker accuses",
    text: "Armenia said Azerbaijani troops shelled a border village on Sunday.",
    want: [{ code: "112", source: "ARM", target: "AZE", status: "asserted" }],
  },
  {
    mechanism: "trailing attribution is no accusation",
    text: "Azerbaijani troops shelled a border village on Sunday, Armenian officials said.",
    never: [{ code: "112", source: "" }],
  },
  // a noun trigger as the subject of a passive takes the agent after "by"
  {
    mechanism: "noun trigger in the passive",
    text: "Fresh accusations against Belarus were made by Lithuania on Monday.",
    want: [{ code: "112", source: "LTU", target: "BLR" }],
  },
  {
    mechanism: "noun trigger carried out by an agent",
    text: "The raid on the Nigerian army base was carried out by Chadian rebels.",
    want: [{ code: "1", source: "TCD", target: "NGA" }],
  },
  // a noun's {T} slot may name a place that stands for its state; "arrived for a visit" lends its subject
  {
    mechanism: "place in a noun's target slot",
    text: "The Dutch prime minister held talks during a visit to Nairobi on Monday.",
    want: [{ code: "042", source: "NLD", target: "KEN" }],
  },
  {
    mechanism: "arriving for a visit",
    text: "The Senegalese president arrived on Sunday for a three-day visit to Rabat.",
    want: [{ code: "042", source: "SEN", target: "MAR" }],
  },
  // the subject's own possessive after the verb is no object
  {
    mechanism: "own possessive is skipped for the object",
    text: "Farmers in Warsaw blocked a motorway to voice their anger at the European Union.",
    want: [{ code: "14", source: "POL", target: "IGOEU" }],
  },
  // a verb of saying that announces a noun trigger is its light verb; the act replaces the bare statement
  {
    mechanism: "announced noun act",
    text: "Greece announced a suspension of military cooperation with Turkey.",
    want: [{ code: "16", source: "GRC", target: "TUR" }],
    never: [{ code: "010", source: "GRC" }],
  },
  // a present participle between a determiner and its noun is an adjective, not an act
  {
    mechanism: "attributive -ing participle",
    text: "The Irish president thanked the visiting Nigerian delegation on Friday.",
    want: [{ code: "051", source: "IRL", target: "NGA" }],
    never: [{ code: "042", source: "IRL" }],
  },
  // a year before a noun trigger dates the act itself
  {
    mechanism: "a year naming the act is history",
    text: "The minister spoke about Iraq's 1990 invasion of Kuwait at the conference.",
    never: [{ code: "19", source: "IRQ" }],
  },
  // victims from a community without a state belong to the place
  {
    mechanism: "community victims take the place's country",
    text: "Gunmen attacked Sikhs at a temple in Kabul.",
    want: [{ code: "18", source: "", target: "AFG" }],
  },
  // a reduced relative ("the soldiers killed in the raid") is a passive whose patient is its own head noun, even when
  // the pattern's own preposition follows the participle; the noun phrase before it is not the killer
  {
    mechanism: "reduced relative with the pattern's preposition is passive",
    text: "Israeli soldiers killed in the raid were buried in Jerusalem on Friday.",
    never: [{ code: "19", source: "ISR" }],
  },
  {
    mechanism: "reduced relative inside an 'of' phrase",
    text: "The families of Afghan policemen killed in the ambush met the governor of Kandahar.",
    never: [
      { code: "18", source: "AFG" },
      { code: "19", source: "AFG" },
    ],
  },
  {
    mechanism: "active kill with the same pattern stays active",
    text: "Turkish troops killed three Kurdish fighters in an attack near the border.",
    want: [{ code: "19", source: "TUR" }],
  },
  {
    mechanism: "an attributive participle later in the clause is no finite verb",
    text: "Indian troops remained on high alert in the disputed Kashmir region after the clashes.",
    want: [{ code: "152", source: "IND" }],
  },
  // a coercive act the subject itself vowed or pledged is its threat, whoever reports the sentence
  {
    mechanism: "a vow reported by a foreign speaker is still a threat",
    text: "Farmers blocked highways after Ankara vowed to expel Syrian refugees, Greek officials said.",
    want: [
      { code: "174", source: "TUR", target: "SYR", status: "future" },
      { code: "13", source: "TUR", target: "SYR", status: "asserted" },
    ],
  },
  {
    mechanism: "the nearest verb of saying before an act names its announcer",
    text: "Mexican officials said migrants fled north after Trump said he would crack down on them.",
    date: "2018-05-01",
    want: [{ code: "13", source: "USA", status: "asserted" }],
  },
  {
    mechanism: "a pledge to a coercive act is a threat, not an intent to cooperate",
    text: "Hungary's government pledged to deport the Afghan asylum seekers.",
    want: [{ code: "13", source: "HUN", status: "asserted" }],
    never: [{ code: "03", source: "HUN" }],
  },
  {
    mechanism: "a pledge to a cooperative act stays an intent",
    text: "Greece pledged to send humanitarian aid to Libya.",
    want: [{ code: "03", source: "GRC", target: "LBY" }],
  },
  {
    mechanism: "a prediction by a foreign speaker is no threat",
    text: "Iran will attack Israel, a US official said.",
    never: [{ code: "13", source: "IRN" }],
  },
  // a noun trigger in an adverbial phrase ("during / on a visit") takes the subject of its clause
  {
    mechanism: "visit in an adverbial phrase after the verb",
    text: "The Japanese prime minister met Vietnamese leaders during an official visit to Hanoi.",
    want: [
      { code: "040", source: "JPN", target: "VNM" },
      { code: "042", source: "JPN", target: "VNM" },
    ],
  },
  {
    mechanism: "visit in an adverbial phrase opening the sentence",
    text: "During a two-day visit to Ghana, the German chancellor signed an energy agreement.",
    want: [{ code: "042", source: "DEU", target: "GHA" }],
  },
  {
    mechanism: "'is on a visit to' is a visit",
    text: "The Chinese premier is on a two-day visit to Kenya.",
    want: [{ code: "042", source: "CHN", target: "KEN" }],
  },
  {
    mechanism: "a coercive act during a visit does not make its actor the visitor",
    text: "Police detained a British journalist during a visit to Tehran.",
    never: [{ code: "042", source: "GBRCOP" }],
  },
  // accusations at home: opposition, rebels and rights groups reporting hostile acts of their own state's forces
  {
    mechanism: "opposition accuses its own police",
    text: "Ugandan opposition leaders said police arrested dozens of their supporters in Kampala.",
    want: [{ code: "112", source: "UGA", target: "UGA" }],
  },
  {
    mechanism: "rights group accuses its own army",
    text: "A Burmese rights group said soldiers burned down three villages in Rakhine.",
    want: [{ code: "112", source: "MMR", target: "MMR" }],
  },
  {
    mechanism: "an army reporting a rebel attack at home is no accusation",
    text: "Myanmar's army said rebels attacked a police post.",
    never: [{ code: "112", source: "MMR" }],
  },
  {
    mechanism: "no accusation of authorities the coder supplied for a passive",
    text: "A Ugandan opposition leader said he had been arrested twice this year.",
    never: [{ code: "112", source: "UGA" }],
  },
  // talks held with someone are held by both; "met with" keeps its direction
  {
    mechanism: "held talks with is mutual",
    text: "Egypt's foreign minister held talks with Jordan's King Abdullah in Amman.",
    want: [
      { code: "04", source: "EGY", target: "JOR" },
      { code: "04", source: "JOR", target: "EGY" },
    ],
  },
  {
    mechanism: "met with keeps its direction",
    text: "Sudan's army chief met with the Saudi ambassador.",
    want: [{ code: "04", source: "SDN", target: "SAU" }],
    never: [{ code: "04", source: "SAU" }],
  },
  // reduced object relative clauses (no relative pronoun): the noun before is the verb's object, the mention after
  // it the verb's subject
  {
    mechanism: "a pronoun opening a reduced relative is the subject, the noun before it the object",
    text: "Kenya arrested two Somali militants it blames for the market bombing.",
    want: [{ code: "112", source: "KEN", target: "SOM" }],
    never: [{ code: "112", source: "SOM" }],
  },
  {
    mechanism: "a reduced relative pronoun is not the noun it hangs on, even when read so by the actor stage",
    text: "The African Union leaders voted to suspend ties with a dozen Malian officers they blame for the coup.",
    never: [{ code: "112", source: "MLI" }],
  },
  {
    mechanism: "a named subject of a reduced relative acts on the plural actor before it",
    text: "Japan lifted curbs on the Chinese firms Washington blacklisted last year.",
    want: [{ code: "16", source: "USA", target: "CHN" }],
  },
  {
    mechanism: "a denial in a reduced relative after an accusation is the denier's own, asserted",
    text: "Ukraine accused Belarus of shelling a border village, a charge the Belarusian army denied.",
    want: [
      { code: "112", source: "UKR", target: "BLR", status: "asserted" },
      { code: "016", source: "BLR", status: "asserted" },
    ],
    never: [{ code: "016", source: "BLR", status: "reported_claim" }],
  },
  {
    mechanism: "a compound noun before an official is no reduced relative",
    text: "Troops will leave the border town in June, a Serbian security official said.",
    want: [{ code: "010", source: "SRB" }],
  },
  // a light verb judging a definite act already reported ("called the sanctions illegal") is not that act's agent
  {
    mechanism: "calling the sanctions illegal is no sanction by the caller",
    text: "Venezuela's government denied that it had moved troops to the border and called the sanctions illegal.",
    never: [{ code: "16", source: "VEN" }],
  },
  {
    mechanism: "a judged act with a complement and a noun predicate",
    text: "Venezuela called the sanctions on its oil industry an act of economic war.",
    never: [{ code: "16", source: "VEN" }],
  },
  {
    mechanism: "declaring strikes a violation is no strike by the declarer",
    text: "Iraq's president declared the airstrikes a violation of sovereignty.",
    never: [{ code: "19", source: "IRQ" }],
  },
  {
    mechanism: "a light verb with an indefinite noun is still the act",
    text: "Moscow called a ceasefire on Tuesday.",
    want: [{ code: "08", source: "RUS" }],
  },
  // releasing a thing (a report, a video, names) is publishing, not freeing people (data/events/not-events.tsv)
  {
    mechanism: "a released report is no release of persons",
    text: "The Kenyan interior ministry released a report on prison conditions on Friday.",
    never: [{ code: "084", source: "KEN" }],
  },
  {
    mechanism: "a released video is no release of persons",
    text: "Rebels in Mali released a video of the kidnapped engineers.",
    never: [{ code: "084", source: "MLI" }],
  },
  {
    mechanism: "a statement released to reporters frees nobody, its criticism counts",
    text: "In a statement released to reporters, the Turkish foreign ministry criticised Greece.",
    want: [{ code: "111", source: "TUR", target: "GRC" }],
    never: [{ code: "084", source: "TUR" }],
  },
  {
    mechanism: "names that were not released are no release",
    text: "The Chilean government released the names of the freed prisoners.",
    never: [{ code: "084", source: "CHL" }],
  },
  {
    mechanism: "people released are still a release",
    text: "Iran released two French tourists on Tuesday.",
    want: [{ code: "0841", source: "IRN", target: "FRA", status: "asserted" }],
  },
  // attributive "alleged / suspected" qualifies its noun phrase, not the clause
  {
    mechanism: "protesting an alleged fraud is an asserted protest",
    text: "Thousands of Georgians protested the alleged rigging of the parliamentary election.",
    want: [{ code: "14", source: "GEO", status: "asserted" }],
  },
  {
    mechanism: "arresting suspected militants is an asserted arrest",
    text: "Indian police arrested three suspected militants in Kashmir.",
    want: [{ code: "173", source: "IND", status: "asserted" }],
  },
  {
    mechanism: "the alleged massacre itself is a claim, its condemnation is not",
    text: "The United Nations condemned the alleged massacre of villagers by Sudanese soldiers.",
    want: [
      { code: "111", source: "IGOUNO", status: "asserted" },
      { code: "20", source: "SDN", status: "reported_claim" },
    ],
  },
  {
    mechanism: "alleged as a verb of claiming still reaches its clause",
    text: "Critics alleged the Ethiopian army killed civilians in Tigray.",
    want: [{ code: "19", source: "ETH", status: "reported_claim" }],
  },
  // "due to" is a plan only before an infinitive
  {
    mechanism: "due to a cause is no future",
    text: "Egypt closed its border with Gaza due to security concerns.",
    want: [{ code: "191", source: "EGY", status: "asserted" }],
  },
  {
    mechanism: "due to an infinitive is a plan",
    text: "The Japanese prime minister is due to visit Australia next week.",
    want: [{ code: "042", source: "JPN", target: "AUS", status: "future" }],
  },
  // a sentence that opens on a subordinate clause: its own negation stays in it
  {
    mechanism: "negation inside a fronted if clause does not turn the main act into a refusal",
    text: "If Iran does not halt enrichment, France will support new sanctions against Iran.",
    want: [{ code: "051", source: "FRA", target: "IRN", status: "conditional" }],
    never: [{ code: "12", source: "FRA" }],
  },
  {
    mechanism: "a denial in a fronted although clause does not negate the main clause",
    text: "Although Pakistan denied the charge, India expelled two Pakistani diplomats.",
    want: [{ code: "161", source: "IND", target: "PAK", status: "asserted" }],
  },
  {
    mechanism: "the main clause after a fronted clause keeps its own negation",
    text: "When the talks collapsed, Serbia did not recall its ambassador from Croatia.",
    want: [{ code: "161", source: "SRB", target: "HRV", status: "negated" }],
  },
  {
    mechanism: "a fronted if clause carries on into the main clause's and-clause",
    text: "If the talks fail, the army could be sent in and arrest the protest leaders in Belgrade.",
    want: [{ code: "173", source: "SRB", status: "conditional" }],
  },
  {
    mechanism: "has yet to is not yet done",
    text: "Hamas has yet to free the Thai farm workers.",
    want: [{ code: "0841", source: "PSE", target: "THA", status: "negated" }],
  },
  // background nouns: a noun trigger codes only when its phrase reports an act of this sentence's actors
  {
    mechanism: "a summit named as the place of a remark is no meeting of the speaker",
    text: "Speaking at the ASEAN summit in Jakarta, the Thai prime minister criticised Cambodia.",
    never: [
      { code: "04", source: "THA" },
      { code: "04", target: "IDN" },
    ],
  },
  {
    mechanism: "a summit named as a time is no meeting of those who act before it",
    text: "Ahead of the Arab League summit, Egypt and Jordan signed a gas deal.",
    want: [{ code: "05", source: "EGY", target: "JOR" }],
    never: [{ code: "04", source: "EGY" }],
  },
  {
    mechanism: "the sidelines of a summit are a place, not a meeting",
    text: "On the sidelines of the G20 summit, Brazil announced new tariffs on steel.",
    never: [{ code: "04", source: "BRA" }],
  },
  {
    mechanism: "a summit between two named leaders keeps its parties even as a setting",
    text: "At a summit between Putin and Erdogan in Sochi, Turkey agreed to buy more Russian gas.",
    want: [{ code: "04", source: "RUS", target: "TUR" }],
  },
  {
    mechanism: "a state's invasion of another is its act",
    text: "Poland condemned Russia's invasion of Ukraine.",
    want: [{ code: "19", source: "RUS", target: "UKR" }],
  },
  {
    mechanism: "a person who owns an assassination is its victim, not its agent",
    text: "Lebanese prosecutors reopened the file on Rafik Hariri's assassination.",
    never: [{ code: "18", source: "LBN" }],
  },
  {
    mechanism: "a named victim's assassination is not hers to have done",
    text: "The Pakistani senator said Benazir Bhutto's assassination had been planned for weeks.",
    never: [{ code: "18", source: "PAK" }],
  },
  {
    mechanism: "a leader's invasion of a country stays his state's act",
    text: "Vladimir Putin's invasion of Ukraine began in 2022.",
    want: [{ code: "192", source: "RUS", target: "UKR" }],
  },
  {
    mechanism: "a victim's possessive keeps the agent named with by",
    text: "Rafik Hariri's assassination by Syrian agents shocked Lebanon.",
    want: [{ code: "18", source: "SYR", target: "LBN" }],
  },
  {
    mechanism: "a topic in a list of topics is no event",
    text: "Kenya and Uganda held talks on trade, the massacre and the drought.",
    want: [{ code: "040", source: "KEN", target: "UGA" }],
    never: [
      { code: "20", source: "KEN" },
      { code: "20", source: "UGA" },
    ],
  },
  {
    mechanism: "a summit during which someone else acts is no meeting",
    text: "During the NATO summit, the Latvian president praised Estonia's defence spending.",
    want: [{ code: "051", source: "LVA", target: "EST" }],
    never: [{ code: "04" }],
  },
  {
    mechanism: "a long organisation name before the summit is still a setting",
    text: "At the upcoming annual Asia-Pacific Economic Cooperation summit in Lima, Japan hopes to sign a fishing pact.",
    never: [{ code: "04" }],
  },
  {
    mechanism: "negotiations one travels for are one's own",
    text: "Kenyan and Somali negotiators arrived in Doha for negotiations.",
    want: [{ code: "046", source: "KEN", target: "SOM" }],
  },
  {
    mechanism:
      "a verb used as a noun takes its actors from its own phrase, not from the clause criticising it",
    text: "Norway condemned the deliberate targeting of aid convoys in Yemen.",
    never: [
      { code: "19", source: "NOR" },
      { code: "18", source: "NOR" },
    ],
  },
  {
    mechanism: "a verb used as a noun keeps its possessive agent and its of-object",
    text: "Ankara protested against Russia's shelling of Turkish positions in Idlib.",
    want: [{ code: "194", source: "RUS", target: "TUR" }],
  },
  {
    mechanism: "a verb used as a noun keeps the agent noun before it",
    text: "Protests followed the Kenyan police killing of a student in Nairobi.",
    want: [{ code: "19", source: "KEN" }],
  },
];

testRows("coder", rows);
