import { setFlagsFromString } from "node:v8";

/**
 * Bytecode a function runs before V8 considers optimising it (V8's `--interrupt-budget`; its default is 132 KB).
 *
 * The coder's hot functions are long and meet many object shapes (mentions, triggers, tokens of several kinds).
 * Optimised at the default budget, they are compiled on thin type feedback: they deoptimise as soon as a new shape
 * arrives and are compiled again, and the largest (the coder's `code`, the mention finder's `chunk`) cost tens of
 * milliseconds of TurboFan time per compile. Every worker isolate pays that on its own, so it grows with the number
 * of workers. With a budget about nine times larger they are optimised once the feedback has settled. Measured with
 * `npm run bench` on the Wikinews corpus: fewer compiles, less CPU for the same output with one worker or two, and
 * two workers against one core go from about 1.73× to about 1.85×.
 */
export const CODING_INTERRUPT_BUDGET = 1_200_000;

let tuned = false;

/**
 * Sets V8's interrupt budget for long coding runs (see `CODING_INTERRUPT_BUDGET`). V8 flags belong to the whole
 * process, so this also affects code compiled later on other threads; it changes only when functions are optimised,
 * never what they compute. Call it before the coding modules are loaded; calling it again does nothing.
 */
export function tuneTieringForCoding(): void {
  if (tuned) return;
  tuned = true;
  setFlagsFromString(`--interrupt-budget=${CODING_INTERRUPT_BUDGET}`);
}
