/**
 * The `dyad` command line: parses arguments and calls the library. No logic lives here: each command is a module in
 * `commands/` exporting `register(program)`. Data goes to stdout, everything else to stderr.
 */
import { Command } from "commander";
import { register as registerActors } from "./commands/actors.js";
import { register as registerClean } from "./commands/clean.js";
import { register as registerCode } from "./commands/code.js";
import { register as registerDict } from "./commands/dict.js";
import { register as registerExport } from "./commands/export.js";
import { register as registerIngest } from "./commands/ingest.js";
import { register as registerQuery } from "./commands/query.js";
import { register as registerQueue } from "./commands/queue.js";
import { register as registerServe } from "./commands/serve.js";
import { register as registerWatch } from "./commands/watch.js";
import { register as registerWorker } from "./commands/worker.js";

const program = new Command();
program
  .name("dyad")
  .description("Raw news in; evidence-linked, modality-aware political events (CAMEO + PLOVER) out.")
  .version("0.1.0")
  .showHelpAfterError();

for (const register of [
  registerCode,
  registerClean,
  registerActors,
  registerDict,
  registerIngest,
  registerQuery,
  registerExport,
  registerServe,
  registerWorker,
  registerQueue,
  registerWatch,
]) {
  register(program);
}

try {
  await program.parseAsync(process.argv);
} catch (error) {
  // Expected failures (bad arguments, unreadable store, invalid knowledge files) print one line, not a stack.
  const e = error as { name?: string; message?: string };
  if (e?.name === "DyadError") {
    process.stderr.write(`${e.message}\n`);
    process.exitCode = 1;
  } else throw error;
}
