import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import {
  ACTOR_DATA_DIR,
  buildActorKnowledge,
  formatProblem,
  loadActorKnowledge,
} from "../../src/knowledge/actors/index.js";
import { codeText } from "../../src/pipeline/index.js";
import type { Mention } from "../../src/types/mention.js";
import { mentionsOf } from "./doc-of.js";

// Stories in our own words. Unnamed agents ("the leaders", "a ministry spokesman") refer back to the latest agent
// with the same head noun; a dateline at an organisation's seat gives unnamed diplomats to the organisation.

const DATE = "2024-06-03";

/** The code of the n-th mention (0-based) whose text is exactly `text`. */
function codeOf(ms: readonly Mention[], text: string, n = 0): string {
  const found = ms.filter((m) => m.text === text);
  assert.ok(found[n], `no mention '${text}' #${n} in ${ms.map((m) => m.text).join(", ")}`);
  return found[n]!.code;
}

/** Source codes of the events whose source text is `text`. */
function sourcesOf(story: string, text: string): string[] {
  return codeText(story, { date: DATE })
    .events.filter((e) => e.source?.text === text)
    .map((e) => e.source!.code);
}

// ── anaphora: one case per role ─────────────────────────────────────────────────────────────────────────

test("'the ministers' after 'NATO defence ministers' are NATO's", () => {
  const story =
    "OSLO (Wire) — NATO defence ministers agreed on Thursday to send more air defence systems to the east. " +
    "The ministers said training for pilots would also be expanded.";
  const ms = mentionsOf(story, DATE);
  assert.equal(codeOf(ms, "ministers"), "IGOWSTNAT");
  assert.match(ms.find((m) => m.text === "ministers")!.why, /^anaphora:/);
});

test("'a ministry spokesman' after a country's defence ministry speaks for that ministry, not the dateline", () => {
  const story =
    "TOKYO (Wire) — South Korea's defence ministry said on Friday that the North had fired two missiles into the sea. " +
    "“The launches break every agreement we have,” a ministry spokesman said.";
  assert.equal(codeOf(mentionsOf(story, DATE), "ministry spokesman"), "KORMIL");
  assert.deepEqual(sourcesOf(story, "ministry spokesman"), ["KORMIL"]);
});

test("'the ministry' two sentences later is the ministry named before, even with another country between", () => {
  const story =
    "KABUL (Wire) — Pakistan's foreign ministry summoned the Afghan envoy on Monday over a border shooting. " +
    "Taliban officials said they had not been told of any meeting. " +
    "The ministry said it expected a full explanation within a week.";
  const ms = mentionsOf(story, DATE);
  assert.equal(codeOf(ms, "ministry"), "PAKGOV");
  assert.deepEqual(sourcesOf(story, "ministry"), ["PAKGOV"]);
});

test("'the army' after 'India's army' is the Indian army under a foreign dateline", () => {
  const story =
    "LONDON (Wire) — India's army said on Monday that three gunmen were killed near the frontier. " +
    "The army said the men had crossed over during the night.";
  assert.equal(codeOf(mentionsOf(story, DATE), "army"), "INDMIL");
});

test("bare 'officials' after 'Chinese officials' are Chinese; a new explicit modifier wins", () => {
  const story =
    "WASHINGTON (Wire) — Chinese officials rejected the new tariffs on Tuesday. " +
    "Officials said Beijing would answer in kind. " +
    "Indian officials said they would study the measures.";
  const ms = mentionsOf(story, DATE);
  assert.equal(codeOf(ms, "Officials"), "CHNGOV");
  assert.equal(codeOf(ms, "Indian officials"), "INDGOV");
});

test("'the leaders' after 'European Union leaders' are the EU's under a dateline that is no seat", () => {
  const story =
    "PRAGUE (Wire) — European Union leaders agreed on Friday to extend the gas price cap by a year. " +
    "The cap will lapse in March unless renewed, but the leaders said talks on a permanent scheme would begin soon.";
  assert.equal(codeOf(mentionsOf(story, DATE), "leaders"), "IGOEUREEC");
});

// ── anaphora: where nothing changes ─────────────────────────────────────────────────────────────────────

test("a different role does not refer back: 'officials' after 'India's army' keep the dateline's country", () => {
  const story =
    "LONDON (Wire) — India's army said on Monday that three gunmen were killed near the frontier. " +
    "Officials said an inquiry had been opened.";
  assert.equal(codeOf(mentionsOf(story, DATE), "Officials"), "---GOV");
  assert.deepEqual(sourcesOf(story, "Officials"), ["GBRGOV"]);
});

test("an antecedent more than four sentences back is too far", () => {
  const story = [
    "CAIRO (Wire) — Turkish officials met their Egyptian hosts on Sunday to discuss trade.",
    "The talks lasted six hours.",
    "A joint statement is expected next week.",
    "Trade between the two has doubled since 2020.",
    "Tourism has also grown.",
    "Officials said a second round would follow in Ankara.",
  ].join(" ");
  assert.equal(codeOf(mentionsOf(story, DATE), "Officials"), "---GOV");
});

test("a place or owner after the noun, or a scene opening the sentence, is left to the coder", () => {
  const story =
    "WARSAW (Wire) — Belarusian police detained dozens of marchers on Saturday. " +
    "Officials in Vilnius said they would raise the matter. " +
    "In Lviv, police said a rally had passed off peacefully.";
  const ms = mentionsOf(story, DATE);
  assert.equal(codeOf(ms, "Officials"), "---GOV");
  assert.equal(codeOf(ms, "police"), "---COP");
});

test("a modifier that may make another referent, or a name after the noun, blocks the reference", () => {
  const story =
    "SEOUL (Wire) — The Japanese government protested on Monday about the fishing boats. " +
    "Foreign governments have stayed silent, and other governments declined to comment. " +
    "General Motors said the dispute would not affect its plants. " +
    "Japan's defence minister said patrols would continue. The finance minister said nothing.";
  const ms = mentionsOf(story, DATE);
  assert.equal(codeOf(ms, "governments", 0), "---GOV");
  assert.equal(codeOf(ms, "governments", 1), "---GOV");
  assert.ok(!ms.some((m) => m.why.startsWith("anaphora")), ms.map((m) => m.why).join("\n"));
});

test("an institution does not refer back across number: 'governments' are not the government named", () => {
  const story =
    "OTTAWA (Wire) — The Danish government agreed on Friday to raise its Arctic budget. " +
    "Governments across the region are expected to follow.";
  assert.equal(codeOf(mentionsOf(story, DATE), "Governments"), "---GOV");
});

test("lawyers are not resolved to lawyers named before; the court is", () => {
  const story =
    "ROME (Wire) — French lawyers attended a hearing at Tunisia's supreme court on Monday. " +
    "Lawyers said the hearing was closed to the press. The court adjourned until June.";
  const ms = mentionsOf(story, DATE);
  assert.equal(codeOf(ms, "Lawyers"), "---JUD");
  assert.equal(codeOf(ms, "court"), "TUNJUD");
});

test("victims and protesters are not resolved by head noun", () => {
  const story =
    "BEIRUT (Wire) — Israeli civilians were hurt in a rocket strike on Monday. " +
    "Civilians were also killed in southern Lebanon, medics said.";
  assert.equal(codeOf(mentionsOf(story, DATE), "Civilians"), "---CVL");
});

// ── seats of international organisations ────────────────────────────────────────────────────────────────

test("a Geneva dateline in a WHO story gives unnamed officials to the WHO", () => {
  const story =
    "GENEVA (Wire) — The World Health Organization warned on Monday that a new strain of bird flu was spreading " +
    "among dairy herds on three continents. Officials said the risk to the public remained low.";
  assert.equal(codeOf(mentionsOf(story, DATE), "Officials"), "IGOUNOHLHWHO");
  assert.deepEqual(sourcesOf(story, "Officials"), ["IGOUNOHLHWHO"]);
});

test("a Vienna dateline in an IAEA story gives unnamed diplomats to the IAEA", () => {
  const story =
    "VIENNA (Wire) — The International Atomic Energy Agency said its inspectors would return to the plant next " +
    "week. Diplomats said the board would debate a resolution on Thursday.";
  assert.equal(codeOf(mentionsOf(story, DATE), "Diplomats"), "IGOUNOIAE");
});

test("a Brussels dateline in a NATO story gives unnamed officials to NATO, but police stay Belgian", () => {
  const story =
    "BRUSSELS (Wire) — NATO agreed on Thursday to expand its air patrols over the Baltic. " +
    "Officials said the first flights would begin in May. Police closed roads around the headquarters.";
  const ms = mentionsOf(story, DATE);
  assert.equal(codeOf(ms, "Officials"), "IGOWSTNAT");
  assert.equal(codeOf(ms, "Police"), "---COP");
});

test("a Brussels story that names no organisation keeps the host state", () => {
  const story =
    "BRUSSELS (Wire) — Four men were arrested on suspicion of planning an attack on a concert hall. " +
    "Officials said the suspects had been watched for months.";
  assert.equal(codeOf(mentionsOf(story, DATE), "Officials"), "---GOV");
  assert.deepEqual(sourcesOf(story, "Officials"), ["BELGOV"]);
});

test("a Brussels story about Belgium that mentions the EU once keeps the host state", () => {
  const story =
    "BRUSSELS (Wire) — Belgium's government collapsed on Tuesday after a party left the coalition. " +
    "Officials said new elections could come in the autumn. The European Union said it was following events.";
  assert.equal(codeOf(mentionsOf(story, DATE), "Officials"), "---GOV");
});

test("two organisations of one seat named equally often: none is chosen", () => {
  const story =
    "GENEVA (Wire) — The World Health Organization and the UNHCR launched a joint appeal for Sudan on Monday. " +
    "Officials said half the money would go to clinics in refugee camps.";
  assert.equal(codeOf(mentionsOf(story, DATE), "Officials"), "---GOV");
});

test("a dateline that is no seat keeps today's behaviour", () => {
  const story =
    "PARIS (Wire) — The European Union announced new rules for online platforms on Monday. " +
    "Diplomats said the rules had been softened at the last minute.";
  assert.equal(codeOf(mentionsOf(story, DATE), "Diplomats"), "---GOV");
});

// ── the seats file ──────────────────────────────────────────────────────────────────────────────────────

test("the shipped seats name real organisations", () => {
  const k = loadActorKnowledge();
  const brussels = k.seatIn("BRUSSELS");
  assert.equal(brussels?.host, "BEL");
  assert.deepEqual(
    brussels?.organisations.map((e) => e.id),
    ["igo:eu", "igo:nato"],
  );
  assert.deepEqual(
    k.seatIn("Addis Ababa")?.organisations.map((e) => e.id),
    ["igo:au"],
  );
  assert.equal(k.seatIn("Paris"), null);
});

test("a seat naming an unknown organisation is reported with its file and line", () => {
  const dir = mkdtempSync(join(tmpdir(), "dyad-seats-"));
  try {
    writeFileSync(
      join(dir, "extra-seats.tsv"),
      "city\tcountry\torganisation\tnote\nLyon\tFRA\tno-such-body\t\n",
    );
    const { problems } = buildActorKnowledge([ACTOR_DATA_DIR, dir]);
    const shown = problems.map(formatProblem);
    assert.equal(shown.length, 1, shown.join("\n"));
    assert.match(
      shown[0]!,
      /extra-seats\.tsv:2: organisation 'no-such-body' is not the id of an igo or ngo line/,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
