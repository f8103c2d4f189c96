/**
 * The `dyad` command line: parses arguments and calls the library. No logic lives here: each command is a module in
 * `commands/` exporting `register(program)`. Data goes to stdout, everything else to stderr.
 */
import { Command } from "commander";
import { register as registerClean } from "./commands/clean.js";
import { register as registerCode } from "./commands/code.js";

const program = new Command();
program
  .name("dyad")
  .description("Raw news in; evidence-linked, modality-aware political events (CAMEO + PLOVER) out.")
  .version("0.1.0")
  .showHelpAfterError();

for (const register of [registerCode, registerClean]) register(program);

await program.parseAsync(process.argv);
