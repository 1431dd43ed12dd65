// The server's V8 flags, wherever it runs: the Dockerfile (its CMD and the compile cache's priming run,
// whose flags must match), `pnpm start` and the benchmark's server.
// - A young generation of at most 2 × 16 MiB: V8 sizes it from the machine's memory otherwise
//   (2 × 64 MiB on a 24 GB machine), a scan's short-lived garbage fills all of it, and RSS keeps it.
// - The old generation grows by half of what survived the last full GC before the next one, not by
//   V8's up to 4×: a 50,000-resource scan's peak RSS 429 → 364 MiB, its CPU within the noise of the
//   bench (25% cost a fifth more CPU).
export const SERVER_NODE_FLAGS = ["--max-semi-space-size=16", "--heap-growing-percent=50"];
