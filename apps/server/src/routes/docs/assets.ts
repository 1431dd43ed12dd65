// The API reference's renderer, served from our own node_modules rather than a CDN: an air-gapped
// install needs no outside host, and the page's CSP can allow this origin only. The package version is
// in the path, so a browser may keep the file for a year and an upgrade is a new URL.
import { readFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { gzipSync } from "node:zlib";
import type { Router } from "../context";

const packageDir = join(dirname(createRequire(import.meta.url).resolve("@scalar/api-reference")), "..");
const { version } = JSON.parse(readFileSync(join(packageDir, "package.json"), "utf8")) as { version: string };

/** Where the page loads the renderer from (the UMD build: one file, no follow-up imports to allow). */
export const RENDERER_PATH = `/docs/assets/scalar-${version}/standalone.js`;

interface Bundle {
  plain: Buffer;
  gzip: Buffer;
}

export function registerDocsAssets(app: Router) {
  // Read and compressed once, on the first request: ~5 MB of JavaScript shrinks to about a quarter.
  let bundle: Promise<Bundle> | undefined;
  const load = async (): Promise<Bundle> => {
    const plain = await readFile(join(packageDir, "dist/browser/standalone.js"));
    return { plain, gzip: gzipSync(plain) };
  };

  app.get(RENDERER_PATH, async (c) => {
    bundle ??= load();
    const { plain, gzip } = await bundle;
    const gzipped = /\bgzip\b/.test(c.req.header("accept-encoding") ?? "");
    c.header("content-type", "text/javascript; charset=utf-8");
    c.header("cache-control", "public, max-age=31536000, immutable");
    c.header("x-content-type-options", "nosniff");
    c.header("vary", "accept-encoding");
    if (gzipped) c.header("content-encoding", "gzip");
    return c.body(new Uint8Array(gzipped ? gzip : plain));
  });
}
