// The onboarding pages' headers: the page holds a tenant's External ID behind a bearer link, so it is
// never cached, never framed, never leaks its URL (the token) as a Referer, and runs only its own
// nonce'd inline script and style: no external asset can load.
import { randomBytes } from "node:crypto";
import type { Context } from "hono";
import type { AppEnv } from "../types";

export const newNonce = () => randomBytes(18).toString("base64");

/** The headers every HTML page of ours sends: its CSP, never framed, never sniffed. */
export function setHtmlHeaders(
  c: Context<AppEnv>,
  policy: string[],
  { referrer, cache }: { referrer: string; cache: string },
) {
  c.header("content-security-policy", policy.join("; "));
  c.header("referrer-policy", referrer);
  c.header("cache-control", cache);
  c.header("x-content-type-options", "nosniff");
  c.header("x-frame-options", "DENY");
}

export interface PageHeaderOptions {
  /** Where the page's forms may post ('none' here; the operator console posts to itself). */
  formAction?: string;
  /** Extra style-src sources, e.g. the hash of one style attribute core's SVG charts carry. */
  styleSources?: readonly string[];
}

export function setPageHeaders(c: Context<AppEnv>, nonce: string, options: PageHeaderOptions = {}) {
  const scripts = `'nonce-${nonce}'`;
  const styles = [scripts, ...(options.styleSources ?? [])].join(" ");
  setHtmlHeaders(
    c,
    [
      "default-src 'none'",
      `script-src ${scripts}`,
      `style-src ${styles}`,
      "connect-src 'self'",
      "img-src 'self' data:",
      "base-uri 'none'",
      `form-action ${options.formAction ?? "'none'"}`,
      "frame-ancestors 'none'",
    ],
    { referrer: "no-referrer", cache: "no-store" },
  );
}
