// The API reference at /docs: Scalar renders the generated OpenAPI document (Markdown descriptions,
// schemas, code samples) and its client sends try-it requests to this server with the admin token the
// reader types in. Everything loads from this origin; the one inline bootstrap script runs under a
// per-request nonce.
import { Scalar } from "@scalar/hono-api-reference";
import { newNonce, setHtmlHeaders } from "../../onboard/security-headers";
import type { AppEnv } from "../../types";
import type { Router } from "../context";
import { RENDERER_PATH } from "./assets";

export const OPENAPI_PATH = "/v1/openapi.json";

/** Scalar's hosted AI chat and MCP generator (shown on localhost by default) talk to Scalar's servers. */
const OFF_SITE_FEATURES = { agent: { disabled: true }, mcp: { disabled: true } };

/**
 * Only this origin: the renderer and the document are ours, and try-it may call this server alone.
 * The renderer adds <style> elements and style attributes at runtime that no nonce can cover (Scalar
 * documents this), so styles are inline-or-self; a style cannot run code, scripts stay nonce'd.
 */
const policy = (nonce: string) => [
  "default-src 'self'",
  `script-src 'self' 'nonce-${nonce}'`,
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
];

/**
 * Where try-it requests go: the origin the reader's browser is on, the only one the CSP lets it
 * reach. On PUBLIC_BASE_URL's host that is PUBLIC_BASE_URL (its https survives a TLS-terminating
 * proxy); a replica reached directly (localhost, a test) is its own origin. Parsed as a URL, the host
 * cannot carry markup into the page's inline script.
 */
export function tryItServer(requestUrl: string, publicBaseUrl: string) {
  const request = new URL(requestUrl);
  return request.host === new URL(publicBaseUrl).host ? publicBaseUrl : request.origin;
}

export function registerDocsPage(app: Router, title: string, publicBaseUrl: string) {
  app.get(
    "/docs",
    Scalar<AppEnv>((c) => {
      const nonce = newNonce();
      setHtmlHeaders(c, policy(nonce), { referrer: "same-origin", cache: "no-cache" });
      return {
        pageTitle: `${title} — API reference`,
        url: OPENAPI_PATH,
        cdn: RENDERER_PATH,
        nonce,
        servers: [{ url: tryItServer(c.req.url, publicBaseUrl), description: "This server" }],
        authentication: { preferredSecurityScheme: "adminBearer" },
        // The admin token stays in this tab's memory, never in localStorage.
        persistAuth: false,
        // No fonts, telemetry or Scalar services from outside this origin.
        withDefaultFonts: false,
        telemetry: false,
        showDeveloperTools: "never",
        ...OFF_SITE_FEATURES,
      };
    }),
  );
}
