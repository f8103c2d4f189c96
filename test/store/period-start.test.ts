import assert from "node:assert/strict";
import { test } from "node:test";
import { nextPeriod, periodStart } from "../../src/store/index.js";

test("periods start on the day, the Monday of the week, the first of the month", () => {
  const cases: [string, "day" | "week" | "month", string][] = [
    ["2024-05-09", "day", "2024-05-09"],
    ["2024-05-09", "week", "2024-05-06"],
    ["2024-05-06", "week", "2024-05-06"],
    ["2024-05-05", "week", "2024-04-29"],
    ["2024-03-02", "week", "2024-02-26"],
    ["2021-01-01", "week", "2020-12-28"],
    ["1969-12-31", "week", "1969-12-29"],
    ["1600-01-01", "week", "1599-12-27"],
    ["2024-05-09", "month", "2024-05-01"],
    ["2024-05-09T23:00:00Z", "day", "2024-05-09"],
  ];
  for (const [date, interval, start] of cases)
    assert.equal(periodStart(date, interval), start, `${date} ${interval}`);
});

test("every day from 1990 to 2040 falls in the week that starts on its Monday", () => {
  const DAY = 86_400_000;
  for (let ms = Date.UTC(1990, 0, 1); ms < Date.UTC(2040, 0, 1); ms += DAY) {
    const day = new Date(ms).toISOString().slice(0, 10);
    const monday = new Date(ms - ((new Date(ms).getUTCDay() + 6) % 7) * DAY).toISOString().slice(0, 10);
    assert.equal(periodStart(day, "week"), monday, day);
    assert.equal(
      nextPeriod(monday, "week"),
      new Date(Date.parse(`${monday}T00:00:00Z`) + 7 * DAY).toISOString().slice(0, 10),
    );
  }
});
