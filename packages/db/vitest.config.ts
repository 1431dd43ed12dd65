import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Creating a database and starting PGlite take a few hundred milliseconds each, more on a busy CI box.
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
