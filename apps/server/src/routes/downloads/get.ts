// GET /v1/downloads/{id}?sig=…: the file behind a tool's `download.url` (a violations CSV, an
// automation export, a combined Custodian policy). Not an admin operation, so not in the admin OpenAPI
// document: like an S3 presigned URL it takes no bearer, the signature is the credential, bound to the
// download and its client, and it expires (DOWNLOAD_TTL_S).
import { invalid, openDownload, type ServiceDeps } from "@tagc/services";
import type { Router } from "../context";

const ID = /^dwn_[0-9a-z]{26}$/;
// An HMAC-SHA256 in base64url.
const SIG = /^[\w-]{43}$/;

export function registerGetDownload(app: Router, deps: ServiceDeps) {
  app.get("/v1/downloads/:id", async (c) => {
    const id = c.req.param("id");
    const sig = c.req.query("sig");
    if (!ID.test(id)) throw invalid("id", "must be a download id like dwn_01jd3k7w9m2x4q8v6r5t0b1c2d");
    if (!sig || !SIG.test(sig)) throw invalid("sig", "must be the signature from the download URL");
    const download = await openDownload({ deps, input: { id, sig } });
    // An HTML report opens in the browser (to read, or print to PDF); everything else is saved.
    const html = download.contentType.startsWith("text/html");
    return c.body(download.body, 200, {
      "content-type": download.contentType,
      "content-disposition": `${html ? "inline" : "attachment"}; filename="${download.filename}"`,
      // The page holds customer strings and is served from our origin: a sandboxed, script-less
      // document with nothing to fetch, so even markup that slipped past escaping cannot act as us.
      ...(html
        ? {
            "content-security-policy":
              "default-src 'none'; style-src 'unsafe-inline'; img-src data:; sandbox",
          }
        : {}),
      // Tenant data under a bearer-less URL: never cached by a proxy, never leaked as a Referer.
      "cache-control": "private, no-store",
      "referrer-policy": "no-referrer",
      "x-content-type-options": "nosniff",
    });
  });
}
