/**
 * The event coder. Input: an annotated `Doc`, the actor `Mention`s found in it, the article date and home country.
 * Output: `CodedEvent`s — source, target, CAMEO code, modality with its cues, speaker, quote, date and the clean-text
 * span of the trigger — found by matching the event patterns of data/events against each sentence's clauses.
 * It knows nothing of files, stores or HTTP; the pipeline turns its output into `EventRecord`s.
 */
export { type CodedEvent, type CoderInput, type CoderOptions, EventCoder } from "./coder.js";
export { type AgentNoun, type Cue, type Lexicon, loadLexicon, withAgentNouns } from "./lexicon.js";
export type { EventPatternLike, OntologySource, PatternMatch, PatternSource } from "./ports.js";
