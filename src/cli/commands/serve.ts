import type { Command } from "commander";
import { serve } from "../../server/serve.js";
import { DyadError } from "../../types/errors.js";

interface ServeFlags {
  db: string;
  port: string;
  host: string;
  token?: string;
}

export function register(program: Command): void {
  program
    .command("serve")
    .description("serve the JSON API and the dashboard for a store")
    .requiredOption("--db <file>", "the store (SQLite file written by `dyad ingest`)")
    .option("--port <n>", "port to listen on", "8080")
    .option("--host <address>", "address to listen on (0.0.0.0 for every interface)", "127.0.0.1")
    .option(
      "--token <token>",
      "enable writes (POST /api/articles) for clients sending `Authorization: Bearer <token>`; also read from $DYAD_TOKEN",
    )
    .addHelpText(
      "after",
      `
Read-only unless a token is given. The API is described at /api/openapi.json; the dashboard is at /.

Examples:
  dyad serve --db events.db                 # then open http://127.0.0.1:8080/
  DYAD_TOKEN=$(openssl rand -hex 16) dyad serve --db events.db --port 9000`,
    )
    .action(async (flags: ServeFlags) => {
      try {
        process.exitCode = await runServe(flags, program.version() ?? "0.0.0");
      } catch (err) {
        if (!(err instanceof DyadError)) throw err;
        process.stderr.write(`${err.message}\n`);
        process.exitCode = err.code === "USAGE" ? 2 : 1;
      }
    });
}

async function runServe(flags: ServeFlags, version: string): Promise<number> {
  const port = Number(flags.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    process.stderr.write(`dyad: --port must be a number from 0 to 65535, got "${flags.port}"\n`);
    return 2;
  }
  const token = flags.token ?? process.env.DYAD_TOKEN ?? undefined;
  const server = await serve({
    db: flags.db,
    port,
    host: flags.host,
    version,
    ...(token ? { token } : {}),
  });
  process.stderr.write(
    `dyad: serving ${flags.db} at ${server.url}/ (${token ? "writes need the bearer token" : "read-only"}); Ctrl-C stops\n`,
  );
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  });
  process.stderr.write("dyad: stopping\n");
  await server.close();
  return 0;
}
