/**
 * Display names for the CAMEO root categories, the four quad classes and the modality statuses, used by the filters,
 * the chart legend and the badges.
 */
import type { ModalityStatus } from "../../src/types/event.js";

export const CAMEO_ROOTS: readonly (readonly [code: string, name: string])[] = [
  ["01", "Make public statement"],
  ["02", "Appeal"],
  ["03", "Express intent to cooperate"],
  ["04", "Consult"],
  ["05", "Engage in diplomatic cooperation"],
  ["06", "Engage in material cooperation"],
  ["07", "Provide aid"],
  ["08", "Yield"],
  ["09", "Investigate"],
  ["10", "Demand"],
  ["11", "Disapprove"],
  ["12", "Reject"],
  ["13", "Threaten"],
  ["14", "Protest"],
  ["15", "Exhibit force posture"],
  ["16", "Reduce relations"],
  ["17", "Coerce"],
  ["18", "Assault"],
  ["19", "Fight"],
  ["20", "Use unconventional mass violence"],
];

export const QUAD_LABELS = {
  1: "Verbal cooperation",
  2: "Material cooperation",
  3: "Verbal conflict",
  4: "Material conflict",
} as const;

export const QUAD_COLORS = { 1: "#66bb6a", 2: "#1b7f3b", 3: "#f08c2e", 4: "#c62828" } as const;

export const MODALITY_LABELS: Readonly<Record<ModalityStatus, string>> = {
  asserted: "asserted",
  negated: "negated",
  hypothetical: "hypothetical",
  future: "future",
  conditional: "conditional",
  reported_claim: "reported claim",
};
