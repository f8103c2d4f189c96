import type { MiddlewareHandler } from "hono";

/** The dashboard's Content-Security-Policy: its own scripts, styles and data only; nothing inline runs. */
export const DASHBOARD_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
  "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

/** API responses are data, never documents: nothing may load from them. */
export const API_CSP = "default-src 'none'; frame-ancestors 'none'";

/**
 * Sets the security headers on every response: a Content-Security-Policy (the dashboard's, or a deny-all one for
 * `/api`), `X-Content-Type-Options: nosniff`, no referrer, no framing, same-origin isolation.
 */
export function securityHeaders(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    const h = c.res.headers;
    const isApi = c.req.path === "/api" || c.req.path.startsWith("/api/");
    h.set("Content-Security-Policy", isApi ? API_CSP : DASHBOARD_CSP);
    h.set("X-Content-Type-Options", "nosniff");
    h.set("Referrer-Policy", "no-referrer");
    h.set("X-Frame-Options", "DENY");
    h.set("Cross-Origin-Opener-Policy", "same-origin");
    h.set("Cross-Origin-Resource-Policy", "same-origin");
    if (isApi && !h.has("Cache-Control")) h.set("Cache-Control", "no-store");
  };
}
