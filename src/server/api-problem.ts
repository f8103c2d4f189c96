import type { z } from "zod";

/** One invalid parameter, as the API reports it. */
export interface ApiIssue {
  /** Dotted path of the parameter (`limit`, `0.text` for the first posted article's text); empty for the whole input. */
  readonly path: string;
  readonly message: string;
}

/** An expected failure of a request, answered as `{error, issues?}` JSON with its HTTP status. */
export class ApiProblem extends Error {
  readonly status: 400 | 404 | 413 | 415 | 422;
  readonly issues: readonly ApiIssue[] | undefined;
  constructor(status: ApiProblem["status"], message: string, issues?: readonly ApiIssue[]) {
    super(message);
    this.name = "ApiProblem";
    this.status = status;
    this.issues = issues;
  }
}

/** Parses `input` with `schema` or throws a 400 listing every problem. */
export function validInput<T extends z.ZodType>(schema: T, input: unknown, what: string): z.output<T> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issues = result.error.issues.map((i) => {
    const path = i.path.map(String).join(".");
    if (i.code === "unrecognized_keys") {
      return { path, message: `unknown parameter${i.keys.length > 1 ? "s" : ""}: ${i.keys.join(", ")}` };
    }
    return { path, message: i.message };
  });
  throw new ApiProblem(400, `invalid ${what}`, issues);
}
