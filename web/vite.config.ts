/**
 * Vite build of the dyad dashboard: `vite build web` turns web/index.html and web/src into web/dist, which
 * `dyad serve` serves at `/`. Preact's automatic JSX runtime is set through the oxc transform (no plugin), the base
 * is relative so the built page works under any mount path, the root is the folder given to
 * `vite build` (outDir is relative to it), and nothing is loaded from the network at run time.
 */
import { defineConfig } from "vite";

export default defineConfig({
  base: "./",
  publicDir: false,
  oxc: { jsx: { runtime: "automatic", importSource: "preact" } },
  build: {
    outDir: "dist",
    emptyOutDir: true,
    target: "es2022",
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 300,
    reportCompressedSize: true,
  },
  server: { proxy: { "/api": "http://127.0.0.1:8080" } },
});
