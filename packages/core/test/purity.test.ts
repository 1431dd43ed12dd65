// packages/core is pure: it imports nothing of ours, no Node I/O module and no AWS SDK — only a few
// data libraries. Checked on the source so a new import cannot slip in unnoticed.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const SRC = new URL("../src", import.meta.url).pathname;
const ALLOWED = new Set(["zod", "yaml", "cron-parser", "csv-stringify/sync"]);

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? sources(join(dir, entry.name))
      : entry.name.endsWith(".ts")
        ? [join(dir, entry.name)]
        : [],
  );
}

const imports = sources(SRC).flatMap((file) =>
  [...readFileSync(file, "utf8").matchAll(/(?:^|\n)\s*(?:import|export)[^"';]*?from\s+"([^"]+)"/g)].map(
    (m) => ({
      file: file.slice(SRC.length + 1),
      spec: m[1]!,
    }),
  ),
);

describe("packages/core purity", () => {
  it("scans a real source tree", () => {
    expect(imports.length).toBeGreaterThan(100);
  });

  it("imports only relative modules and the allowed data libraries", () => {
    const outside = imports.filter(({ spec }) => !spec.startsWith(".") && !ALLOWED.has(spec));
    expect(outside).toEqual([]);
  });

  it("has no dynamic import or require that could bypass the check", () => {
    const dynamic = sources(SRC).filter((file) => /\bimport\(|\brequire\(/.test(readFileSync(file, "utf8")));
    expect(dynamic).toEqual([]);
  });
});
