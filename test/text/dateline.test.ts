import assert from "node:assert/strict";
import { test } from "node:test";
import { annotate } from "../../src/text/index.js";

const cases: [text: string, expected: { place: string; agency: string | null; span: string } | null][] = [
  ["MOSCOW (AP) — Officials met.", { place: "MOSCOW", agency: "AP", span: "MOSCOW (AP) —" }],
  [
    "WASHINGTON, Oct 5 (Reuters) - Officials met.",
    { place: "WASHINGTON", agency: "Reuters", span: "WASHINGTON, Oct 5 (Reuters) -" },
  ],
  [
    "KABUL, Afghanistan — Officials met.",
    { place: "KABUL, Afghanistan", agency: null, span: "KABUL, Afghanistan —" },
  ],
  [
    "UNITED NATIONS (AP) — Envoys met.",
    { place: "UNITED NATIONS", agency: "AP", span: "UNITED NATIONS (AP) —" },
  ],
  [
    "BEIJING, March 3 (Xinhua) -- Officials met.",
    { place: "BEIJING", agency: "Xinhua", span: "BEIJING, March 3 (Xinhua) --" },
  ],
  [
    "NEW YORK, Oct. 5, 2020 (AP) — Markets fell.",
    { place: "NEW YORK", agency: "AP", span: "NEW YORK, Oct. 5, 2020 (AP) —" },
  ],
  [
    "GAZA CITY, Gaza Strip (AP) — Sirens sounded.",
    { place: "GAZA CITY, Gaza Strip", agency: "AP", span: "GAZA CITY, Gaza Strip (AP) —" },
  ],
  [
    "PORT-AU-PRINCE, Haiti — Rain fell.",
    { place: "PORT-AU-PRINCE, Haiti", agency: null, span: "PORT-AU-PRINCE, Haiti —" },
  ],
  ["Moscow (Reuters) - Officials met.", { place: "Moscow", agency: "Reuters", span: "Moscow (Reuters) -" }],
  ["BERLIN (dpa) - Officials met.", { place: "BERLIN", agency: "dpa", span: "BERLIN (dpa) -" }],
  ["ISTANBUL— Officials met.", { place: "ISTANBUL", agency: null, span: "ISTANBUL—" }],
  [
    "Talks collapse\n\nLONDON (AP) — Officials met.",
    { place: "LONDON", agency: "AP", span: "LONDON (AP) —" },
  ],
  // AFP: a place in capitals and a colon, or a title-case place and a dash, with no agency
  ["QUETTA: Gunmen opened fire.", { place: "QUETTA", agency: null, span: "QUETTA:" }],
  [
    "DAVAO CITY, Philippines: Troops moved in.",
    { place: "DAVAO CITY, Philippines", agency: null, span: "DAVAO CITY, Philippines:" },
  ],
  ["Nairobi -- The court ruled on Monday.", { place: "Nairobi", agency: null, span: "Nairobi --" }],
  ["Port Harcourt - 12 people died.", { place: "Port Harcourt", agency: null, span: "Port Harcourt -" }],
  ["BREAKING NEWS: Officials met.", null],
  ["EXCLUSIVE: Officials met.", null],
  ["FACT CHECK: The claim is false.", null],
  ["EU: Talks resume.", null],
  ["QUETTA: gunmen opened fire.", null],
  ["Hamas -- the group that runs Gaza -- said no.", null],
  ["Hamas — The group that runs Gaza — said no.", null],
  ["Nairobi -- the court ruled.", null],
  ["U.S. troops — some of them — left.", null],
  ["Hamas (the group that runs Gaza) said no.", null],
  ["Putin said — again — no.", null],
  ["UPDATE: Officials met.", null],
  ["Officials met in MOSCOW (AP) — later.", null],
];

for (const [text, expected] of cases) {
  test(`dateline of ${JSON.stringify(text.slice(0, 40))}`, () => {
    const d = annotate(text, { date: null }).dateline;
    if (expected === null) {
      assert.equal(d, null);
      return;
    }
    assert.ok(d);
    assert.equal(d.place, expected.place);
    assert.equal(d.agency, expected.agency);
    assert.equal(text.slice(d.start, d.end), expected.span);
  });
}
