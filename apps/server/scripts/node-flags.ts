// The server's V8 flags and C-library settings, wherever it runs: the Dockerfile (its ENV, its CMD and
// the compile cache's priming run, whose flags must match), `pnpm start` and the benchmark's server.
// - A young generation of at most 2 × 8 MiB: V8 sizes it from the machine's memory otherwise
//   (2 × 64 MiB on a 24 GB machine), a scan's short-lived garbage fills all of it, and RSS keeps it.
//   8 rather than 16: a 50,000-resource scan's peak RSS 319 → 289 MiB (`pnpm bench`), at twice the
//   scavenges, which copy 16% more bytes in all (170 vs 146 MiB: a page's records outlive more of
//   them) and one more full GC (7 vs 6); the scan's server CPU moved within the noise of the bench.
// - The old generation grows by half of what survived the last full GC before the next one, not by
//   V8's up to 4×: a 50,000-resource scan's peak RSS 429 → 364 MiB, its CPU within the noise of the
//   bench (25% cost a fifth more CPU).
export const SERVER_NODE_FLAGS = ["--max-semi-space-size=8", "--heap-growing-percent=50"];

// glibc's malloc, read from the environment when the process starts (so the Dockerfile's ENV and the
// start scripts set them, not the code). What V8 does not allocate itself (HTTP bodies, OpenSSL's
// signing, V8's compiler zones) comes from malloc, which by default gives every thread that mallocs
// an arena of its own (up to 8 per core: V8's GC and compiler threads each get one) and raises its
// mmap threshold after each large free, so later large buffers land in an arena and stay resident
// once freed. Two arenas and a fixed 128 KiB threshold (which also fixes the trim threshold) return
// large buffers to the kernel on free: a 50,000-resource scan's peak RSS ~10–25 MiB lower in
// bench/memory.ts (335 → 319 MiB in `pnpm bench` with the bundle's minifying; README "Performance").
export const SERVER_MALLOC_ENV = { MALLOC_ARENA_MAX: "2", MALLOC_MMAP_THRESHOLD_: "131072" };

/** The settings as `NAME=value …`, the way a shell command or the Dockerfile's ENV spells them. */
export const mallocEnvWords = () =>
  Object.entries(SERVER_MALLOC_ENV)
    .map(([name, value]) => `${name}=${value}`)
    .join(" ");
