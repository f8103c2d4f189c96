/**
 * The whole path for one article: clean → annotate → actors → code → locate. Input: an `Article`. Output: a
 * `CodedArticle` with the clean text, the annotated `Doc` and the `EventRecord`s whose spans all point into the
 * article's original text. Synchronous and pure given the knowledge base, so it runs the same in a worker thread,
 * on another machine or in a test.
 */
export {
  type CodedArticle,
  type CodeOptions,
  codeArticle,
  codeText,
  type Knowledge,
  loadKnowledge,
  warmUp,
} from "./code-article.js";
