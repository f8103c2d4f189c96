import assert from "node:assert/strict";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import { ACTOR_DATA_DIR, buildActorKnowledge, formatProblem } from "../../../src/knowledge/actors/index.js";
import {
  defaultPlural,
  dyadSpelling,
  importDictionary,
  readClassicDictionary,
  writeDyadDictionary,
} from "../../../src/knowledge/dict-import/index.js";

const SHARED = fileURLToPath(new URL("../../../../shared/", import.meta.url));
const UNITTEST = join(SHARED, "eval/petrarch2_unittest/dictionaries");
const PHOENIX = join(SHARED, "dictionaries/phoenix");
const hasShared = existsSync(UNITTEST);

// A small dictionary in the classic format, written for this test.
const SAMPLE = `<!-- a comment block
   over two lines -->
# a line comment
OSGILIATH_ [OSG]
+OSGILIATH'S_CITADEL   # synonyms follow with a plus
BOROMIR_
+CAPTAIN_BOROMIR
\t[GONELI <30190101]
\t[GONMIL 30190101-30190225]
\t[GONELI >30190226]
MORDOR [MOR] [MORMIL >990101]
BROKEN_ENTRY [GON 2004017-20050101]
NAMELESS_
`;

test("actor entries: phrases, synonyms, date-bounded codes, comments", () => {
  const { entries, problems } = readClassicDictionary(SAMPLE, "sample.txt", "petrarch");
  const actors = entries.filter((e) => e.kind === "actor");
  assert.equal(actors.length, 3);
  const boromir = actors.find((e) => e.kind === "actor" && e.phrases[0] === "BOROMIR")!;
  assert.ok(boromir.kind === "actor");
  assert.deepEqual(boromir.phrases, ["BOROMIR", "CAPTAIN BOROMIR"]);
  assert.deepEqual(boromir.codes, [
    { code: "GONELI", from: null, to: "3019-01-01" },
    { code: "GONMIL", from: "3019-01-01", to: "3019-02-26" },
    { code: "GONELI", from: "3019-02-26", to: null },
  ]);
  const mordor = actors.find((e) => e.kind === "actor" && e.phrases[0] === "MORDOR")!;
  assert.ok(mordor.kind === "actor");
  assert.deepEqual(
    mordor.codes[1],
    { code: "MORMIL", from: "1999-01-01", to: null },
    "six-digit dates: 99 → 1999",
  );
  const shown = problems.map((p) => `${p.file}:${p.line}: ${p.reason}`);
  assert.deepEqual(shown, [
    "sample.txt:12: bad date in '[GON 2004017-20050101]'",
    "sample.txt:13: entry 'NAMELESS' has no code",
  ]);
});

test("agent entries: plurals, substitution sets, prefix codes", () => {
  const text =
    "!PERSON! = MAN, MEN\nPOLICE {} [~COP]\nCONGRESS!PERSON! [~LEG]\nMILITIA {MILITIAS MILITIAE} [~REB]\nRELIEF_AGENCY [NGO~]\nFOREIGN_MINISTER [~GOVFRM]\n";
  const { entries, problems } = readClassicDictionary(text, "agents.txt", "petrarch");
  assert.deepEqual(problems, []);
  const agents = entries.filter((e) => e.kind === "agent");
  assert.deepEqual(
    agents.map((a) =>
      a.kind === "agent"
        ? `${a.singular}/${a.sector}/${a.plurals === null ? "+s" : a.plurals.join(",")}`
        : "",
    ),
    [
      "POLICE/COP/",
      "CONGRESSMAN/LEG/",
      "CONGRESSMEN/LEG/",
      "MILITIA/REB/MILITIAS,MILITIAE",
      "RELIEF AGENCY/NGO/+s",
      "FOREIGN MINISTER/GOV/+s",
    ],
  );
});

test("spelling and plurals for dyad", () => {
  assert.equal(dyadSpelling("VLADIMIR PUTIN"), "vladimir putin");
  assert.equal(dyadSpelling("U.S. ARMY"), "U.S. army");
  assert.equal(dyadSpelling("RUSSIA"), "Russia");
  assert.equal(dyadSpelling("IMF"), "IMF");
  assert.equal(defaultPlural("foreign minister"), "foreign ministers");
  assert.equal(defaultPlural("militia"), "militias");
  assert.equal(defaultPlural("policeman"), "policemen");
  assert.equal(defaultPlural("authority"), "authorities");
});

test("PETRARCH's validation dictionaries import and load into dyad", {
  skip: !hasShared && "../shared is not beside the checkout",
}, () => {
  const out = mkdtempSync(join(tmpdir(), "dyad-import-"));
  try {
    const actors = importDictionary(join(UNITTEST, "PETR.Validate.actors.txt"), "petrarch");
    const agents = importDictionary(join(UNITTEST, "PETR.Validate.agents.txt"), "petrarch");
    assert.ok(actors.counts.actors >= 110, `actors: ${actors.counts.actors}`);
    assert.ok(actors.counts.datedCodes >= 10, `dated codes: ${actors.counts.datedCodes}`);
    assert.ok(agents.counts.agents >= 90, `agents: ${agents.counts.agents}`);
    // every unusable line is named, with its line number
    for (const p of actors.problems) assert.ok(p.line > 0 && p.reason.length > 0);
    assert.ok(actors.problems.some((p) => /'ITHTV' is not an actor code/.test(p.reason)));
    const files = writeDyadDictionary(actors, out).concat(writeDyadDictionary(agents, out));
    assert.equal(files.length, 2);
    const { knowledge, problems } = buildActorKnowledge([ACTOR_DATA_DIR, out]);
    assert.deepEqual(problems.map(formatProblem), []);
    // Sam Gamgee's codes change with the date, as in the dictionary's restrictions
    const sam = knowledge.entities.find((e) => e.name === "sam gamgee")!;
    assert.equal(knowledge.codeAt(sam, "2009-01-01").code, "HOBMIL");
    assert.equal(knowledge.codeAt(sam, "2010-01-10").code, "ORCHOB");
    assert.equal(knowledge.codeAt(sam, "2012-12-01").code, "HOBGOV");
    assert.ok(knowledge.lookup("foreign minister").some((t) => t.type === "agent"));
    assert.match(readFileSync(files[0]!, "utf8"), /^# Imported by 'dyad dict import'/);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});

test("the Phoenix production dictionaries import with every unused line reported", {
  skip: !existsSync(PHOENIX) && "../shared is not beside the checkout",
}, () => {
  const countries = importDictionary(join(PHOENIX, "Phoenix.Countries.actors.txt"), "petrarch");
  const international = importDictionary(join(PHOENIX, "Phoenix.International.actors.txt"), "petrarch");
  const nonState = importDictionary(join(PHOENIX, "Phoenix.MilNonState.actors.txt"), "petrarch");
  const agents = importDictionary(join(PHOENIX, "Phoenix.agents.txt"), "petrarch");
  const phrases = countries.counts.phrases + international.counts.phrases + nonState.counts.phrases;
  assert.ok(phrases >= 34_000, `phrases: ${phrases}`);
  assert.ok(countries.counts.datedCodes >= 20_000, `dated codes: ${countries.counts.datedCodes}`);
  assert.ok(agents.counts.agents >= 3_000, `agents: ${agents.counts.agents}`);
  const problems = [countries, international, nonState, agents].flatMap((r) => r.problems);
  // a few hundred lines at most cannot be used, and each says why
  assert.ok(problems.length > 0 && problems.length < 600, `problems: ${problems.length}`);
  assert.ok(problems.some((p) => /bad date/.test(p.reason)));
  const putin = countries.entries.find((e) => e.kind === "actor" && e.phrases.includes("VLADIMIR PUTIN"));
  assert.ok(
    putin &&
      putin.kind === "actor" &&
      putin.codes.some((c) => c.code === "RUSGOV" && c.from === "1999-12-31" && c.to === "2008-05-08"),
  );
});
