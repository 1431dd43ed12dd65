import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // CI runs every package's suite at once on two cores; property tests and sandbox-backed tests
    // need headroom under that contention (a timeout is a hang detector here, not a benchmark).
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
