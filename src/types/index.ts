export type { Article, Rejected } from "./article.js";
export type { CleanSegment, CleanText } from "./clean-text.js";
export type { Dateline, Doc, Quote, Sentence, TimeExpression, Token } from "./doc.js";
export { DyadError, ERROR_CODES, type ErrorCode } from "./errors.js";
export {
  type ActorRef,
  type CameoCode,
  type EventLocation,
  type EventRecord,
  type Evidence,
  MODALITY_STATUSES,
  type Modality,
  type ModalityStatus,
  type PloverCode,
} from "./event.js";
export type { Issue } from "./issue.js";
export type { Mention, MentionKind } from "./mention.js";
export type { Span } from "./span.js";
export type {
  CodedArticleRow,
  EventFilter,
  Interval,
  SeriesPoint,
  StoredArticle,
  StoredEvent,
} from "./store.js";
