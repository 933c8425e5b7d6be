import { defineConfig } from "vitest/config";

// No React plugin: Vite's own transform compiles TSX with the automatic JSX runtime, which is
// all the console needs (no fast refresh), and keeps the dependency list short.
export default defineConfig({
  oxc: { jsx: { runtime: "automatic" } },
  build: {
    outDir: "dist",
    emptyOutDir: true,
    // Hashed file names under /assets/: Gather serves them as immutable.
    assetsDir: "assets",
    sourcemap: false,
    reportCompressedSize: true,
  },
  server: {
    // `npm run dev` against a Gather on :5000.
    proxy: { "/graphql": "http://127.0.0.1:5000", "/session": "http://127.0.0.1:5000" },
  },
  test: {
    include: ["src/**/*.test.ts"],
    environment: "node",
  },
});
