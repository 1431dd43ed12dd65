// /docs over HTTP: the Scalar page and its self-served renderer. Everything it loads is a path on
// this origin, its CSP names no other source, its inline bootstrap carries the response's nonce, and
// try-it requests are pointed at the origin the page was opened on.
import { gunzipSync } from "node:zlib";
import { describe, expect, test } from "vitest";
import { RENDERER_PATH } from "../../src/routes/docs/assets";
import { OPENAPI_PATH, tryItServer } from "../../src/routes/docs/page";
import { PUBLIC_BASE_URL } from "../harness";
import { useHarness } from "../support/use-harness";

/** The page's CSP as a map of directive to its sources. */
function directives(header: string | null) {
  return new Map(
    (header ?? "").split(";").map((part) => {
      const [name = "", ...sources] = part.trim().split(/\s+/);
      return [name, sources] as const;
    }),
  );
}

describe("/docs over HTTP", () => {
  const harness = useHarness({ kind: "postgres" });
  const get = (url: string, headers: Record<string, string> = {}) => harness().app.request(url, { headers });

  test("an HTML page that loads only this origin's renderer and document, under a nonce'd CSP", async () => {
    const response = await get("/docs");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/html/);
    expect(response.headers.get("cache-control")).toBe("no-cache");
    expect(response.headers.get("x-frame-options")).toBe("DENY");
    const html = await response.text();
    expect(html).toContain("<title>Tag Compliance Cloud — API reference</title>");

    const csp = directives(response.headers.get("content-security-policy"));
    const nonce = /'nonce-([A-Za-z0-9+/=]+)'/.exec(csp.get("script-src")?.join(" ") ?? "")?.[1];
    expect(nonce).toEqual(expect.any(String));
    expect(csp.get("default-src")).toEqual(["'self'"]);
    expect(csp.get("script-src")).toEqual(["'self'", `'nonce-${nonce}'`]);
    expect(csp.get("style-src")).toEqual(["'self'", "'unsafe-inline'"]);
    expect(csp.get("connect-src")).toEqual(["'self'"]);
    expect(csp.get("frame-ancestors")).toEqual(["'none'"]);
    // No host, scheme or wildcard anywhere: nothing but this origin (and inline data: images/fonts).
    const sources = [...csp.values()].flat();
    expect(sources.filter((s) => !/^'(self|none|unsafe-inline|nonce-[^']+)'$|^data:$/.test(s))).toEqual([]);

    // Every script is the self-served renderer or the inline bootstrap, each with this nonce.
    const scripts = [...html.matchAll(/<script([^>]*)>/g)].map((m) => m[1] ?? "");
    expect(scripts).toHaveLength(2);
    for (const attributes of scripts) expect(attributes).toContain(`nonce="${nonce}"`);
    expect(scripts[0]).toContain(`src="${RENDERER_PATH}"`);
    expect(html).toMatch(new RegExp(`"url": "${OPENAPI_PATH}"`));
    expect(html).toContain(`<meta property="csp-nonce" content="${nonce}" />`);
    // No absolute URL to another host is loaded by the markup (links in the config are ours).
    expect([...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1])).toEqual([RENDERER_PATH]);
    expect(html).not.toMatch(/cdn\.jsdelivr|fonts\.scalar|proxy\.scalar/);
  });

  test("each response has its own nonce", async () => {
    const nonces = await Promise.all(
      [1, 2].map(
        async () =>
          /'nonce-([^']+)'/.exec((await get("/docs")).headers.get("content-security-policy") ?? "")?.[1],
      ),
    );
    expect(nonces[0]).not.toEqual(nonces[1]);
  });

  test("the document it links is served at that path", async () => {
    const response = await get(OPENAPI_PATH);
    expect(response.status).toBe(200);
    expect(((await response.json()) as { openapi: string }).openapi).toBe("3.1.0");
  });

  test("try-it goes to PUBLIC_BASE_URL on its host, and to the request's own origin elsewhere", async () => {
    const onPublicHost = await (await get(`${PUBLIC_BASE_URL}/docs`)).text();
    expect(onPublicHost).toContain(`"url": "${PUBLIC_BASE_URL}"`);
    const direct = await (await get("http://127.0.0.1:9400/docs")).text();
    expect(direct).toContain(`"url": "http://127.0.0.1:9400"`);

    // Behind a TLS-terminating proxy the request arrives as http, and PUBLIC_BASE_URL keeps https.
    expect(tryItServer("http://api.example.com/docs", "https://api.example.com")).toBe(
      "https://api.example.com",
    );
    expect(tryItServer("http://10.0.0.5:8080/docs", "https://api.example.com")).toBe("http://10.0.0.5:8080");
    expect(tryItServer("http://api.example.com/docs", "https://api.example.com/tagc")).toBe(
      "https://api.example.com/tagc",
    );
  });

  test("the renderer: JavaScript from node_modules, versioned in its path and cached as immutable", async () => {
    expect(RENDERER_PATH).toMatch(/^\/docs\/assets\/scalar-\d+\.\d+\.\d+\/standalone\.js$/);
    const response = await get(RENDERER_PATH);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/javascript; charset=utf-8");
    expect(response.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("vary")).toBe("accept-encoding");
    expect(response.headers.get("content-encoding")).toBeNull();
    const plain = Buffer.from(await response.arrayBuffer());
    expect(plain.length).toBeGreaterThan(1_000_000);
    expect(plain.toString("utf8")).toContain("createApiReference");

    // A browser that accepts gzip gets the same bytes compressed.
    const gzipped = await get(RENDERER_PATH, { "accept-encoding": "gzip, deflate, br" });
    expect(gzipped.headers.get("content-encoding")).toBe("gzip");
    const compressed = Buffer.from(await gzipped.arrayBuffer());
    expect(compressed.length).toBeLessThan(plain.length / 2);
    expect(gunzipSync(compressed).equals(plain)).toBe(true);
  });

  test("any other path under /docs/assets is the 404 envelope", async () => {
    for (const path of [
      "/docs/assets/scalar-0.0.0/standalone.js",
      "/docs/assets/../package.json",
      "/docs/x",
    ]) {
      const response = await get(path);
      expect(response.status, path).toBe(404);
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe("NOT_FOUND");
    }
  });
});
