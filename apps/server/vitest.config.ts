import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Each file starts its own harnesses (a database, the AWS sandbox, two onboarded tenants); PGlite
    // takes seconds to start on a busy 2-core machine, so hooks get a generous timeout.
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: "forks",
    // Two workers for two cores: more would only make PGlite's start-up slower for everyone.
    maxWorkers: 2,
    // Files share a worker's module graph: the AWS SDK, the app and PGlite's WebAssembly are loaded
    // once per worker instead of once per file. Safe because every file builds its own harness (its
    // own database, sandbox, app, logger and metrics registry) and no test mocks modules.
    isolate: false,
  },
});
