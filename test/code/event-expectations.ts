import assert from "node:assert/strict";
import { test } from "node:test";
import { codeText, type Knowledge, loadKnowledge } from "../../src/pipeline/index.js";
import type { EventRecord, ModalityStatus } from "../../src/types/event.js";

/**
 * Table-driven coder tests: each row is a sentence written for the test and the events that must (or must not) be
 * coded. `code` is a CAMEO prefix; `source`/`target` the start of the actor code (country, or country + sector),
 * either left out for any actor; target "-" means the event has no target.
 */
export interface Want {
  readonly code: string;
  readonly source?: string;
  readonly target?: string;
  readonly status?: ModalityStatus;
}

export interface Row {
  readonly mechanism: string;
  readonly text: string;
  readonly date?: string;
  readonly want?: readonly Want[];
  readonly never?: readonly Want[];
}

export function matches(e: EventRecord, w: Want): boolean {
  if (!e.cameo.code.startsWith(w.code)) return false;
  if (w.source !== undefined && !e.source.code.startsWith(w.source)) return false;
  if (w.target !== undefined) {
    if (w.target === "-" ? e.target !== null : !e.target?.code.startsWith(w.target)) return false;
  }
  return w.status === undefined || e.modality.status === w.status;
}

let knowledge: Knowledge | undefined;

/** Registers one test per row, named `<prefix>: <mechanism>`. */
export function testRows(prefix: string, rows: readonly Row[]): void {
  for (const row of rows) {
    test(`${prefix}: ${row.mechanism}`, () => {
      knowledge ??= loadKnowledge();
      const events = codeText(row.text, { knowledge, date: row.date ?? "2024-05-01" }).events;
      const got =
        events
          .map((e) => `${e.source.code}-${e.cameo.code}-${e.target?.code ?? ""}/${e.modality.status}`)
          .join(" ") || "(none)";
      for (const w of row.want ?? [])
        assert.ok(
          events.some((e) => matches(e, w)),
          `${row.text}\n  wanted ${JSON.stringify(w)}\n  got ${got}`,
        );
      for (const w of row.never ?? [])
        assert.ok(
          !events.some((e) => matches(e, w)),
          `${row.text}\n  must not code ${JSON.stringify(w)}\n  got ${got}`,
        );
    });
  }
}
