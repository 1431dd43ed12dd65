// The production build: the server and every module it imports in one ES module (dist/index.mjs) for
// plain `node`, which the Dockerfile runs. Why not tsx there: tsx keeps each module's transpiled text
// and its inline source map beside the original, and the AWS SDK's CommonJS builds carry every
// command and schema of a service; the bundle takes the SDK's ES builds, so only the commands we send
// are kept. With the primed code cache, ~110 MiB less RSS at start-up (README "Performance"). `pnpm start` still
// runs the TypeScript under tsx: nothing needs building to develop.
// Usage: tsx scripts/build.ts [entry.ts out.mjs] (default: src/index.ts → dist/index.mjs)
import { spawnSync } from "node:child_process";
import { readFile, writeFile } from "node:fs/promises";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { build, type Plugin } from "esbuild";
import { SERVER_NODE_FLAGS } from "./node-flags";

const APP_DIR = fileURLToPath(new URL("..", import.meta.url));

// Loaded from node_modules at run time rather than bundled: PGlite fetches its WebAssembly and data
// files from beside its own module, pino starts its transports' workers from its own folder, and
// pg-native is pg's optional native driver (not installed).
const EXTERNAL = ["@electric-sql/pglite", "pino", "pg-native"];

/**
 * Our modules find files beside themselves (migrations, CloudFormation templates, the demo seed) with
 * `import.meta.url`, which in a bundle would be the bundle's own URL. Each is rewritten to the
 * module's own path relative to the bundle, so the bundle must sit at apps/server/dist in the repo's
 * layout (the Dockerfile keeps that layout for the files these paths reach).
 */
export function ownModuleUrls(outDir: string): Plugin {
  return {
    name: "own-module-urls",
    setup(esbuild) {
      esbuild.onLoad({ filter: /\.ts$/ }, async (args) => {
        if (args.path.includes("/node_modules/")) return undefined;
        const source = await readFile(args.path, "utf8");
        if (!source.includes("import.meta.url")) return { contents: source, loader: "ts" };
        const url = `new URL(${JSON.stringify(relative(outDir, args.path))}, import.meta.url).href`;
        return { contents: source.replaceAll("import.meta.url", url), loader: "ts" };
      });
    },
  };
}

export async function buildServer(
  entry = join(APP_DIR, "src/index.ts"),
  outfile = join(APP_DIR, "dist/index.mjs"),
) {
  const outDir = dirname(resolve(outfile));
  const result = await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node24",
    // ES builds first: the AWS SDK's are tree-shaken down to the commands in use.
    mainFields: ["module", "main"],
    external: EXTERNAL,
    plugins: [ownModuleUrls(outDir)],
    logLevel: "warning",
    // V8 keeps the bundle's source for as long as the process runs (lazy compilation), and the first
    // stack trace adds a table of its line ends: without the indentation and newlines the source is
    // 8 MB instead of 12 and that table a few entries instead of 3 MiB (start-up RSS ~8 MiB less).
    // Identifiers stay as written, so stack traces and class names (`err.name`) read the same.
    minifyWhitespace: true,
    minifySyntax: true,
    keepNames: true,
    // Minified, a stack trace points into a few long lines; the map beside the bundle costs nothing
    // unless asked for (`node --enable-source-maps`, or read offline) and turns them back into files.
    sourcemap: "linked",
    // BUILD_META=1: esbuild's metafile beside the bundle, to see which modules take its size.
    metafile: process.env.BUILD_META === "1",
    // CommonJS dependencies inside an ES module still call require and read __dirname.
    banner: {
      js: [
        'import { createRequire as __createRequire } from "node:module";',
        'import { dirname as __pathDirname } from "node:path";',
        'import { fileURLToPath as __fileURLToPath } from "node:url";',
        "const require = __createRequire(import.meta.url);",
        "const __filename = __fileURLToPath(import.meta.url);",
        "const __dirname = __pathDirname(__filename);",
        // The build's priming run: compiled, the bundle stops before any of it runs (see primeCompileCache).
        "if (process.env.TAGC_PRIME_COMPILE_CACHE === '1') process.exit(0);",
      ].join("\n"),
    },
  });
  if (result.metafile) await writeFile(`${outfile}.meta.json`, JSON.stringify(result.metafile));
  await asciiOnly(outfile);
  primeCompileCache(outfile);
  return outfile;
}

/**
 * V8 keeps a module's source for as long as it runs, and one character past Latin-1 makes all of it
 * two bytes a character: 24 MiB instead of 12. esbuild escapes strings but leaves comments and
 * template literals as they are (ours carry "·"), so those characters become \u escapes: the same
 * text in a template's cooked strings, which is all our html tag reads (a String.raw would differ).
 */
export async function asciiOnly(outfile: string) {
  const text = await readFile(outfile, "utf8");
  const escaped = text.replace(
    /[\u0080-\uffff]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
  if (escaped !== text) await writeFile(outfile, escaped);
}

/** Where `node` keeps the bundle's compiled code: run the bundle with NODE_COMPILE_CACHE set to it. */
export const compileCacheOf = (outfile: string) => join(dirname(outfile), "compile-cache");

/**
 * Fills V8's code cache for the bundle (Node's NODE_COMPILE_CACHE). Parsing a 12 MB script at start-up
 * leaves ~70 MiB of the parser's memory in the C heap for good; from the cache, V8 parses only the
 * functions that run, one at a time. The cache is keyed by the file's path and content, so it is
 * filled where the bundle runs (the Dockerfile primes it again in the runtime image).
 */
export function primeCompileCache(outfile: string) {
  const run = spawnSync(process.execPath, [...SERVER_NODE_FLAGS, outfile], {
    env: { ...process.env, NODE_COMPILE_CACHE: compileCacheOf(outfile), TAGC_PRIME_COMPILE_CACHE: "1" },
    stdio: "inherit",
  });
  if (run.status !== 0) throw new Error(`priming the compile cache of ${outfile} failed (${run.status})`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [entry, outfile] = process.argv.slice(2);
  console.log(await buildServer(entry && resolve(entry), outfile && resolve(outfile)));
}
