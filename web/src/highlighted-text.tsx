/**
 * Shows a text with marked ranges. Every run is a text node (or a `<mark>` holding a text node), so article text can
 * never become markup, whatever it contains.
 */
import { highlightSegments, type Mark } from "./highlight-segments.js";

export function HighlightedText({
  text,
  marks,
  testId,
}: {
  readonly text: string;
  readonly marks: readonly Mark[];
  readonly testId?: string;
}) {
  const runs = highlightSegments(text, marks);
  return (
    <div class="highlighted" data-testid={testId}>
      {runs.map((run) =>
        run.kinds.length === 0 ? (
          run.text
        ) : (
          <mark
            key={run.start}
            class={run.kinds.map((k) => `hl-${k}`).join(" ")}
            data-kind={run.kinds.join(" ")}
          >
            {run.text}
          </mark>
        ),
      )}
    </div>
  );
}
