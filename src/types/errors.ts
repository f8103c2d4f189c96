/** Catalog of error codes for bugs and misconfiguration. Expected problems with inputs are `Rejected`/`Issue` data, not errors. */
export const ERROR_CODES = {
  KNOWLEDGE_INVALID: "a knowledge-base file failed validation",
  USAGE: "the command was called with invalid arguments",
  STORE: "the store could not be opened or written",
  INPUT: "an input could not be read",
  QUEUE: "the job queue could not be reached",
  WORKER: "a coding worker failed to start or died",
} as const;
export type ErrorCode = keyof typeof ERROR_CODES;

/** The one error class dyad throws. Messages start with `dyad:` and quote the offending value. */
export class DyadError extends Error {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(`dyad: ${message}`, options);
    this.name = "DyadError";
    this.code = code;
  }
}
