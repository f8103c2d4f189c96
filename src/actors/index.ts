/**
 * The actor stage: finds every actor named in an annotated article and codes it for the article date. Input: a
 * `Doc` (from src/text), the compiled `ActorKnowledge` and the article date. Output: `Mention`s ordered by position,
 * each with its CAMEO-style code (RUSGOV, CHNMIL, IGOUNO, AFGREB…) and a `why`. Phrases are looked up in the
 * knowledge base's token trie (longest match wins), then composed: an actor before an agent noun gives it a
 * country ("Russian troops" → RUSMIL, "the armed forces of China and Russia" → CHNMIL + RUSMIL), a title before a
 * name is absorbed into the person ("Russian President Vladimir Putin" → one person mention). Coreference within
 * the article resolves pronouns (he/she → the nearest person, subject first; they/their → the latest plural actor
 * or compound), descriptions ("the Russian president" → who held the office on the date; "the president" → the
 * last president named) and back-references ("the country", "the two countries").
 *
 * Conventions a consumer must know:
 * - Mentions never overlap, except that several mentions may share exactly the same span: they are the members of
 *   one plural phrase ("the two countries" → a RUS mention and a CHN mention over the same words).
 * - An agent with no country named carries `country: null` and code `---` + sector (`---GOV`); the coder may fill
 *   the country from context (the dateline). Before that, an unnamed agent takes the actor of the latest agent with
 *   the same head noun named in the last few sentences ("EU leaders … the leaders" → IGOEUREEC, why `anaphora: …`),
 *   and at an organisation's seat named in the story (data/actors seats.tsv) unnamed diplomats and officials are the
 *   organisation's ("BRUSSELS" + the EU → IGOEUREEC).
 * - A person outside every office on the article date is coded `<country>ELI` (a former official).
 * - Dateline words ("MOSCOW (AP) —") are not mentions.
 */
import type { ActorKnowledge } from "../knowledge/actors/index.js";
import type { Doc } from "../types/doc.js";
import type { Mention } from "../types/mention.js";
import { MentionFinder } from "./mention-finder.js";

export type { ActorReading } from "./discourse.js";

/**
 * All actor mentions of `doc`, coded for `date` (`YYYY-MM-DD`; falls back to `doc.date`; null codes people by
 * their latest or current office).
 *
 * @example
 * findMentions(annotate("Russian President Vladimir Putin met Chinese troops.", { date: "2020-10-22" }), loadActorKnowledge(), "2020-10-22")
 * // → [{ text: "Russian President Vladimir Putin", code: "RUSGOV", kind: "person", entity: "person:vladimir-putin", … },
 * //    { text: "Chinese troops", code: "CHNMIL", kind: "agent", … }]
 */
export function findMentions(doc: Doc, knowledge: ActorKnowledge, date: string | null): Mention[] {
  return new MentionFinder(doc, knowledge, date ?? doc.date).run();
}
