import { createHash } from "node:crypto";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";

/** What the loopback server answers on one path. */
export interface Route {
  readonly status?: number;
  readonly body?: string;
  readonly type?: string;
  /** Send an ETag (a hash of the body) and answer 304 to a matching If-None-Match. */
  readonly etag?: boolean;
  /** Never answer (to test timeouts). */
  readonly hang?: boolean;
}

/** A feed-and-page server on 127.0.0.1 (port 0), with a hit count per path. */
export class FeedServer {
  readonly routes = new Map<string, Route>();
  readonly hits = new Map<string, number>();
  /** Requests answered with 304. */
  notModified = 0;
  readonly #server: Server;
  #base = "";

  private constructor(server: Server) {
    this.#server = server;
  }

  static async start(): Promise<FeedServer> {
    const server = createServer();
    const feeds = new FeedServer(server);
    server.on("request", (req, res) => feeds.#answer(req, res));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    feeds.#base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    return feeds;
  }

  url(path: string): string {
    return `${this.#base}${path}`;
  }

  hitsOf(path: string): number {
    return this.hits.get(path) ?? 0;
  }

  #answer(req: IncomingMessage, res: import("node:http").ServerResponse): void {
    const path = new URL(req.url ?? "/", this.#base).pathname;
    this.hits.set(path, this.hitsOf(path) + 1);
    const route = this.routes.get(path);
    if (!route) {
      res.writeHead(404, { "content-type": "text/html" }).end("<html><body><p>Not here.</p></body></html>");
      return;
    }
    if (route.hang) return; // the socket stays open until the client gives up or the server closes
    const body = route.body ?? "";
    const headers: Record<string, string> = { "content-type": route.type ?? "text/html; charset=utf-8" };
    if (route.etag) {
      const tag = `"${createHash("sha1").update(body).digest("hex").slice(0, 12)}"`;
      headers.etag = tag;
      if (req.headers["if-none-match"] === tag) {
        this.notModified++;
        res.writeHead(304, headers).end();
        return;
      }
    }
    res.writeHead(route.status ?? 200, headers).end(body);
  }

  async close(): Promise<void> {
    this.#server.closeAllConnections();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }
}

/** An RSS 2.0 feed of the given items (an item without a description is a headline-only item). */
export function rss(
  items: readonly { title: string; link?: string; description?: string; date?: string; guid?: string }[],
): string {
  const body = items
    .map(
      (i) =>
        `<item><title>${i.title}</title>${i.link ? `<link>${i.link}</link>` : ""}` +
        (i.guid ? `<guid isPermaLink="false">${i.guid}</guid>` : "") +
        (i.description ? `<description><![CDATA[<p>${i.description}</p>]]></description>` : "") +
        `<pubDate>${i.date ?? "Thu, 22 Oct 2020 10:00:00 GMT"}</pubDate></item>`,
    )
    .join("\n");
  return `<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel><title>Test desk</title>\n${body}\n</channel></rss>\n`;
}

/** An Atom feed of the given entries. */
export function atom(entries: readonly { title: string; link: string; summary: string }[]): string {
  const body = entries
    .map(
      (e) =>
        `<entry><title>${e.title}</title><link rel="alternate" href="${e.link}"/><id>${e.link}</id>` +
        `<updated>2020-10-23T08:00:00Z</updated><summary>${e.summary}</summary></entry>`,
    )
    .join("\n");
  return `<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom"><title>Wire</title>\n${body}\n</feed>\n`;
}

/** A news page whose article Readability will find: a headline and the given paragraphs. */
export function page(title: string, paragraphs: readonly string[]): string {
  return (
    `<!DOCTYPE html><html><head><title>${title} | Test desk</title>` +
    `<meta property="article:published_time" content="2020-10-22T09:00:00Z"></head><body>` +
    `<nav><a href="/">Home</a> <a href="/world">World</a></nav><main><article><h1>${title}</h1>` +
    paragraphs.map((p) => `<p>${p}</p>`).join("") +
    `</article></main><footer>Test desk, all rights reserved.</footer></body></html>`
  );
}
