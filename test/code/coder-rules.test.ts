import assert from "node:assert/strict";
import { test } from "node:test";
import { intentOf, isParticiple, isPolitical, riotCode, violenceCode } from "../../src/code/coder.js";
import type { Modality } from "../../src/types/event.js";
import type { Mention } from "../../src/types/mention.js";

// Unit rules of the coder, on hand-made actors (no text needed).
function actor(code: string, kind: Mention["kind"], sector: string | null = null): Mention {
  const country = code.length >= 3 && kind !== "agent" ? code.slice(0, 3) : sector ? code.slice(0, 3) : null;
  return {
    start: 0,
    end: 1,
    tokenStart: 0,
    tokenEnd: 1,
    sentence: 0,
    text: code,
    code,
    country: country === "---" ? null : country,
    sector,
    name: code,
    kind,
    entity: `test:${code}`,
    why: "test",
  };
}
const future: Modality = { status: "future", cues: ["will"] };
const conditional: Modality = { status: "conditional", cues: ["will", "if"] };
const refusal: Modality = { status: "hypothetical", cues: ["would", "not"] };
const asserted: Modality = { status: "asserted", cues: [] };

test("intentOf maps announced acts to intents, threats and refusals", () => {
  const rows: [string, Modality, Mention, Mention | null, string | null][] = [
    ["042", future, actor("KEN", "country"), null, "036"],
    ["072", future, actor("DEU", "country"), actor("UKRGOV", "person", "GOV"), "0332"],
    ["0841", future, actor("ISR", "country"), null, "0353"],
    ["163", future, actor("USA", "country"), null, "1312"],
    ["190", conditional, actor("IRN", "country"), null, "138"],
    ["190", future, actor("RUS", "country"), actor("USAGOV", "person", "GOV"), null], // someone else's prediction
    ["040", refusal, actor("EGY", "country"), null, "125"],
    ["042", asserted, actor("KEN", "country"), null, null],
    ["111", future, actor("KEN", "country"), null, null], // a speech act has no intent of its own
  ];
  for (const [code, modality, src, speaker, want] of rows)
    assert.equal(intentOf(code, modality, src, speaker), want, `${code} ${modality.status} by ${src.code}`);
});

test("intentOf reads the subject's own aim (seeks to / wants to) as an intent or a threat", () => {
  const aim: Modality = { status: "hypothetical", cues: ["seeking"] };
  const rows: [string, Modality, boolean, string | null][] = [
    ["050", aim, true, "032"],
    ["190", aim, true, "138"],
    ["190", aim, false, null], // "wants Putin to attack": someone else's act
    ["050", { status: "hypothetical", cues: ["could"] }, false, null],
    ["042", { status: "negated", cues: ["not"] }, true, null],
  ];
  for (const [code, modality, own, want] of rows)
    assert.equal(intentOf(code, modality, actor("VNM", "country"), null, own), want, `${code} own=${own}`);
});

test("riotCode makes violence and destruction by protesters a violent protest", () => {
  const rows: [string, boolean, string][] = [
    ["190", true, "145"],
    ["180", true, "145"],
    ["1712", true, "145"],
    ["195", true, "195"], // missiles are no riot
    ["190", false, "190"],
    ["141", true, "141"],
  ];
  for (const [code, protesters, want] of rows)
    assert.equal(riotCode(code, protesters), want, `${code} ${protesters}`);
});

test("violenceCode keeps combat in 19 and moves non-state violence outside combat to 18", () => {
  const rows: [string, Mention, Mention | null, string][] = [
    ["190", actor("MLIREB", "agent", "REB"), actor("MLICVL", "agent", "CVL"), "180"],
    ["193", actor("USACRM", "agent", "CRM"), null, "180"],
    ["190", actor("MLIREB", "agent", "REB"), actor("MLIMIL", "agent", "MIL"), "190"],
    ["190", actor("MLIMIL", "agent", "MIL"), actor("MLIREB", "agent", "REB"), "190"],
    ["190", actor("RUS", "country"), actor("UKR", "country"), "190"],
    ["195", actor("YEMREB", "agent", "REB"), null, "195"], // a specific code is left alone
  ];
  for (const [code, src, tgt, want] of rows)
    assert.equal(violenceCode(code, src, tgt), want, `${code} ${src.code}→${tgt?.code}`);
});

test("isPolitical accepts states, officials, organisations, armed groups and agents with a country", () => {
  const rows: [Mention, boolean][] = [
    [actor("FRA", "country"), true],
    [actor("FRAGOV", "person", "GOV"), true],
    [actor("IGOUNO", "igo"), true],
    [actor("SOMREB", "group", "REB"), true],
    [actor("EGYCOP", "agent", "COP"), true],
    [{ ...actor("---COP", "agent", "COP"), country: null }, false],
  ];
  for (const [m, want] of rows) assert.equal(isPolitical(m), want, m.code);
});

test("isParticiple accepts participles wink tags NOUN or ADJ, and nothing else", () => {
  const tok = (text: string, lemma: string, pos: string) => ({
    text,
    lower: text.toLowerCase(),
    lemma,
    pos,
    start: 0,
    end: 0,
    sentence: 0,
  });
  const rows: [ReturnType<typeof tok>[], number, boolean][] = [
    [[tok("were", "be", "AUX"), tok("detained", "detained", "ADJ")], 1, true],
    [[tok("the", "the", "DET"), tok("wounded", "wounded", "NOUN")], 1, true],
    [[tok("was", "be", "AUX"), tok("taken", "taken", "ADJ")], 1, true],
    [[tok("a", "a", "DET"), tok("golden", "golden", "ADJ")], 1, false],
    [[tok("a", "a", "DET"), tok("attack", "attack", "NOUN")], 1, false],
    [[tok("they", "they", "PRON"), tok("attacked", "attack", "VERB")], 1, false], // a verb is handled as a verb
  ];
  for (const [tokens, t, want] of rows)
    assert.equal(isParticiple(tokens, t), want, tokens.map((x) => x.text).join(" "));
});
