import model from "wink-eng-lite-web-model";
import winkNLP, { type WinkMethods } from "wink-nlp";

let shared: WinkMethods | null = null;

/**
 * The one wink-nlp instance of the process, created on first use. Only sentence splitting and
 * part-of-speech tagging are switched on: negation, sentiment and wink's own entity pass cost time and
 * their results are not used (actors and places come from our own knowledge).
 */
export function englishNlp(): WinkMethods {
  if (shared === null) shared = winkNLP(model, ["sbd", "pos"]);
  return shared;
}
