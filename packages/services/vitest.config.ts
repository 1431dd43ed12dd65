import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Every suite starts a database (PGlite takes seconds on a busy CI box) and an AWS sandbox, and
    // the throttling cases wait out the SDK's retry back-off.
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
