/**
 * The HTTP surface: a Hono app serving the JSON API under `/api` (described by an OpenAPI 3.1 document at
 * `/api/openapi.json`) and the built dashboard at `/`. Input: a `Store` and options (write token, dashboard
 * folder); output: HTTP responses. Thin by design: parameters are validated with zod (400 with every issue),
 * the work is done by the store and src/analyze, writes need the bearer token, and every response carries
 * security headers.
 */
export { type ApiIssue, ApiProblem, validInput } from "./api-problem.js";
export * from "./api-schemas.js";
export { codePostedArticles, type PostedResult } from "./code-posted-articles.js";
export { type AppOptions, createApp, DEFAULT_WEB_ROOT } from "./create-app.js";
export { API_ROUTES, type ApiRoute, openApiDocument } from "./openapi-document.js";
export { API_CSP, DASHBOARD_CSP, securityHeaders } from "./security-headers.js";
export { type RunningServer, type ServeOptions, serve } from "./serve.js";
export { writeAccess } from "./write-access.js";
