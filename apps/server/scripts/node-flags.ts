// The server's V8 flags, wherever it runs: the Dockerfile's CMD, `pnpm start`, the benchmark's server.
// A young generation of at most 2 × 16 MiB: V8 sizes it from the machine's memory otherwise (2 × 64 MiB
// on a 24 GB machine), a scan's short-lived garbage fills all of it, and RSS keeps it committed.
export const SERVER_NODE_FLAGS = ["--max-semi-space-size=16"];
