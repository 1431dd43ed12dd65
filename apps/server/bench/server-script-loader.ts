// bench/server-code-cache.ts's server: the bench server built as one classic script (CommonJS) and run
// through vm.Script, whose code cache can be taken after the code ran (Node's compile cache cannot:
// it serialises a module right after compiling it, before it runs). Plain node runs this file (its
// types are stripped), forked by server-child.ts under BENCH_SERVER_LOADER with the server's argument.
// LOADER_SCRIPT: the script; LOADER_CACHE: its code cache file; LOADER_MAKE: "early" writes the cache
// right after compiling (what Node's compile cache holds), "late" when the process exits (with every
// function compiled since); unset: the cache is read, and whether V8 took it goes to stderr.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname } from "node:path";
import vm from "node:vm";

const file = process.env.LOADER_SCRIPT ?? "";
const cacheFile = process.env.LOADER_CACHE ?? "";
const make = process.env.LOADER_MAKE;
// The CommonJS wrapper Node's own loader puts around a module.
const source = `(function (exports, require, module, __filename, __dirname) {${readFileSync(file, "utf8")}\n})`;
const cachedData = !make && existsSync(cacheFile) ? readFileSync(cacheFile) : undefined;
const script = new vm.Script(source, {
  filename: file,
  cachedData,
  // The bundle's import("node:…") calls: resolved as the main context resolves them.
  importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
});
if (cachedData)
  console.error(
    `[loader] code cache of ${cachedData.length} bytes ${script.cachedDataRejected ? "REJECTED" : "taken"}`,
  );
if (make === "early") writeFileSync(cacheFile, script.createCachedData());
if (make === "late")
  process.on("exit", () => {
    const data = script.createCachedData();
    writeFileSync(cacheFile, data);
    console.error(`[loader] code cache of ${data.length} bytes written at exit`);
  });
const module = { exports: {} };
script.runInThisContext()(module.exports, createRequire(file), module, file, dirname(file));
