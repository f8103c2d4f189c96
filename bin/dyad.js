#!/usr/bin/env node
// The dyad command. Runs the compiled CLI from dist/ (built by `npm install`/`npm run build`).
import { existsSync } from "node:fs";

const compiled = new URL("../dist/cli/main.js", import.meta.url);
if (existsSync(compiled)) {
  await import(compiled.href);
} else {
  // A checkout without a build: run the TypeScript sources through tsx.
  const { register } = await import("tsx/esm/api");
  register();
  await import(new URL("../src/cli/main.ts", import.meta.url).href);
}
