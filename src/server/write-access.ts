import { createHash, timingSafeEqual } from "node:crypto";
import type { MiddlewareHandler } from "hono";

function digest(s: string): Buffer {
  return createHash("sha256").update(s).digest();
}

/**
 * Guards write routes. Without a configured token the server is read-only and every write is refused with 403.
 * With one, a request needs `Authorization: Bearer <token>`: none gives 401 (with `WWW-Authenticate`), a wrong
 * one 403. Tokens are compared in constant time.
 */
export function writeAccess(token: string | undefined): MiddlewareHandler {
  const expected = token ? digest(token) : null;
  return async (c, next) => {
    if (!expected) {
      return c.json(
        { error: "this server is read-only: start `dyad serve` with --token to accept writes" },
        403,
      );
    }
    const header = c.req.header("authorization") ?? "";
    const m = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (!m) {
      c.header("WWW-Authenticate", 'Bearer realm="dyad"');
      return c.json({ error: "writes need an `Authorization: Bearer <token>` header" }, 401);
    }
    if (!timingSafeEqual(digest(m[1]!), expected)) {
      return c.json({ error: "the bearer token is not valid for this server" }, 403);
    }
    await next();
    return undefined;
  };
}
