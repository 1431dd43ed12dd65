// The production build (scripts/build.ts) as the Dockerfile runs it: one bundle under plain node. The
// paths our modules take from import.meta.url must still reach their files, and the bundle must
// serve: PGlite (left out of the bundle) migrated from the repo's migrations, Scalar's assets read.
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildServer, compileCacheOf } from "../scripts/build";
import { mallocEnvWords, SERVER_NODE_FLAGS } from "../scripts/node-flags";

const APP_DIR = fileURLToPath(new URL("..", import.meta.url));
// Inside dist/ (made on a fresh clone), at the depth the real bundle sits, so the relative paths hold.
mkdirSync(join(APP_DIR, "dist"), { recursive: true });
const outDir = mkdtempSync(join(APP_DIR, "dist/build-test-"));
let bundle = "";

beforeAll(async () => {
  bundle = await buildServer(join(APP_DIR, "src/index.ts"), join(outDir, "index.mjs"));
}, 120_000);
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

describe("the production bundle", () => {
  it("points every module-relative path at a file that exists", () => {
    const text = readFileSync(bundle, "utf8");
    // Our rewritten module URLs, then the paths resolved against them (migrations, templates, …).
    const own = [...text.matchAll(/new URL\("(\.\.\/[^"]+\.ts)",\s*import\.meta\.url\)/g)].map((m) => m[1]!);
    expect(own.length).toBeGreaterThanOrEqual(4);
    for (const rel of own) expect(existsSync(join(outDir, rel)), rel).toBe(true);
    expect(text).toContain("packages/db/src/migrate.ts");
    expect(text).toContain("cloudformation/src/paths.ts");
    expect(existsSync(join(outDir, "../../../../migrations/meta/_journal.json"))).toBe(true);
  });

  it("leaves the AWS SDK's unused commands out", () => {
    const text = readFileSync(bundle, "utf8");
    expect(text).toContain("DescribeRegionsCommand");
    // EC2 has hundreds of commands; the scan sends a few.
    expect(text).not.toContain("RunInstancesCommand");
  });

  it("is ASCII only, so V8 holds its source at one byte a character", () => {
    expect(/[\u0080-\uffff]/.test(readFileSync(bundle, "utf8"))).toBe(false);
  });

  it("runs with the same V8 flags in the Dockerfile, its priming run and pnpm start", () => {
    // V8 refuses a code cache made under other flags: the priming run must match the CMD.
    const dockerfile = readFileSync(join(APP_DIR, "../../Dockerfile"), "utf8");
    expect(dockerfile).toContain(`node ${SERVER_NODE_FLAGS.join(" ")} apps/server/dist/index.mjs`);
    expect(dockerfile).toContain(
      JSON.stringify(["node", ...SERVER_NODE_FLAGS, "apps/server/dist/index.mjs"]).replaceAll(",", ", "),
    );
    const scripts = (
      JSON.parse(readFileSync(join(APP_DIR, "package.json"), "utf8")) as { scripts: Record<string, string> }
    ).scripts;
    for (const name of ["start", "start:demo", "start:dist"])
      expect(scripts[name]).toContain(SERVER_NODE_FLAGS.join(" "));
  });

  it("gives the server the same malloc settings in the Dockerfile and pnpm start", () => {
    // glibc reads them from the environment at process start: the image's ENV and the scripts' prefix.
    const dockerfile = readFileSync(join(APP_DIR, "../../Dockerfile"), "utf8");
    expect(dockerfile).toContain(`ENV ${mallocEnvWords()}`);
    const scripts = (
      JSON.parse(readFileSync(join(APP_DIR, "package.json"), "utf8")) as { scripts: Record<string, string> }
    ).scripts;
    for (const name of ["start", "start:demo", "start:dist"])
      expect(scripts[name]).toContain(mallocEnvWords());
  });

  it("is primed: V8's code cache holds it", () => {
    expect(readdirSync(compileCacheOf(bundle)).length).toBeGreaterThan(0);
  });

  it("is primed for the server's own flags: a run with them takes the cache instead of parsing", () => {
    // A cache made under other flags is not found (Node names its folder by V8's flag hash) or refused,
    // without a word: the process then parses the whole bundle (~40 MiB more RSS at start-up). So ask
    // Node's own trace whether it was taken. The trace's wording is Node's (src/compile_cache.cc):
    // should it change, this fails loudly rather than passing.
    const run = spawnSync(process.execPath, [...SERVER_NODE_FLAGS, bundle], {
      env: {
        PATH: process.env.PATH,
        NODE_COMPILE_CACHE: compileCacheOf(bundle),
        NODE_DEBUG_NATIVE: "COMPILE_CACHE",
        TAGC_PRIME_COMPILE_CACHE: "1",
      },
      encoding: "utf8",
    });
    expect(run.status).toBe(0);
    const verdict = run.stderr
      .split("\n")
      .find((line) => line.includes(`for ESM ${pathToFileURL(bundle).href} was`));
    expect(verdict).toContain("was accepted");
  });

  describe("serving", () => {
    let child: ChildProcess;
    let base = "";
    beforeAll(async () => {
      child = spawn(process.execPath, [...SERVER_NODE_FLAGS, bundle], {
        cwd: dirname(bundle),
        env: {
          PATH: process.env.PATH,
          NODE_COMPILE_CACHE: compileCacheOf(bundle),
          PORT: "0",
          DATA_DIR: "memory://",
          PROCESS_ROLES: "api,mcp",
          PLATFORM_ACCOUNT_ID: "111111111111",
          ONBOARDING_LINK_SECRET: "build-test-onboarding-link-secret-0123456789",
          ADMIN_BOOTSTRAP_TOKEN: "build-test-admin-token-000000000000",
          TEMPLATE_URL: "https://tagc-templates.s3.us-east-1.amazonaws.com/tag-compliance-role.yaml",
          // Nothing answers here: the identity check only logs that it failed.
          AWS_ENDPOINT_URL: "http://127.0.0.1:9",
          AWS_ACCESS_KEY_ID: "test",
          AWS_SECRET_ACCESS_KEY: "test",
        },
        stdio: ["ignore", "pipe", "inherit"],
      });
      base = await new Promise<string>((resolve, reject) => {
        let out = "";
        child.stdout!.on("data", (chunk: Buffer) => {
          out += chunk.toString();
          const port = /"port":(\d+)/.exec(out)?.[1];
          if (port && out.includes('"listening"')) resolve(`http://127.0.0.1:${port}`);
        });
        child.once("exit", (code) => reject(new Error(`the bundle exited with ${code}:\n${out}`)));
      });
    }, 120_000);
    afterAll(() => {
      child?.kill("SIGTERM");
    });

    it("answers /health from a migrated PGlite", async () => {
      const res = await fetch(`${base}/health`);
      expect(res.status).toBe(200);
    });

    it("serves the API reference's renderer from node_modules", async () => {
      const page = await (await fetch(`${base}/docs`)).text();
      const asset = /\/docs\/assets\/scalar-[^"]+\.js/.exec(page)?.[0];
      expect(asset).toBeDefined();
      const res = await fetch(`${base}${asset}`);
      expect(res.status).toBe(200);
      expect((await res.arrayBuffer()).byteLength).toBeGreaterThan(1_000_000);
    });
  });
});
