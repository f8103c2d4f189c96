import assert from "node:assert/strict";
import { test } from "node:test";
import { parsePublicationDate } from "../../src/ingest/index.js";

const cases: [label: string, input: string, expected: string | "impossible" | "unrecognised"][] = [
  ["plain ISO date", "2020-10-22", "2020-10-22"],
  ["ISO with time and zone keeps the written calendar day", "2020-10-22T23:30:00-05:00", "2020-10-22"],
  ["ISO with Z", "2023-05-16T01:40:00Z", "2023-05-16"],
  ["one-digit month and day", "2020-1-5", "2020-01-05"],
  ["slashes", "2020/10/22", "2020-10-22"],
  ["compact", "20201022", "2020-10-22"],
  ["RFC 822 as in RSS", "Thu, 22 Oct 2020 10:15:00 GMT", "2020-10-22"],
  ["RFC 822 two-digit year", "22 Oct 20 10:15 GMT", "2020-10-22"],
  ["day month year", "22 October 2020", "2020-10-22"],
  ["month day, year", "October 22, 2020", "2020-10-22"],
  ["AP month abbreviation", "Oct. 22, 2020", "2020-10-22"],
  ["Sept. abbreviation", "Sept. 3, 2019", "2019-09-03"],
  ["leap day in a leap year", "2020-02-29", "2020-02-29"],
  ["month 13", "2020-13-45", "impossible"],
  ["February 30", "2021-02-30", "impossible"],
  ["leap day in a common year", "2021-02-29", "impossible"],
  ["day zero", "2021-03-00", "impossible"],
  ["RFC 822 with impossible day", "Sat, 31 Feb 2021 08:00:00 GMT", "impossible"],
  ["words", "yesterday", "unrecognised"],
  ["empty", "", "unrecognised"],
  ["unknown month name", "22 Smarch 2020", "unrecognised"],
];

for (const [label, input, expected] of cases) {
  test(`parsePublicationDate: ${label}`, () => {
    const result = parsePublicationDate(input);
    if (expected === "impossible" || expected === "unrecognised") {
      assert.equal(result.ok, false);
      if (!result.ok) {
        assert.equal(result.impossible, expected === "impossible");
        assert.match(
          result.reason,
          new RegExp(expected === "impossible" ? "^impossible date" : "^unrecognised date"),
        );
        if (input) assert.ok(result.reason.includes(input.trim().slice(0, 20)), "the reason names the value");
      }
    } else {
      assert.deepEqual(result, { ok: true, date: expected });
    }
  });
}
