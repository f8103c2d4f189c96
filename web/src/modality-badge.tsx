/** A small coloured label for an event's modality status, with the cue words that decided it as a tooltip. */
import type { Modality } from "../../src/types/event.js";
import { MODALITY_LABELS } from "./cameo-labels.js";

export function ModalityBadge({ modality }: { readonly modality: Modality }) {
  const label = MODALITY_LABELS[modality.status] ?? modality.status;
  const cues = modality.cues.length ? `cues: ${modality.cues.join(", ")}` : "no modality cue";
  return (
    <span class={`badge modality-${modality.status}`} data-testid="modality-badge" title={cues}>
      {label}
    </span>
  );
}
