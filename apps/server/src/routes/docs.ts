// The API docs page: rendered from the generated OpenAPI document, self-contained (no CDN), so it
// works on an air-gapped install as well.
import type { Router } from "./context";

interface Operation {
  operationId?: string;
  summary?: string;
  description?: string;
  tags?: string[];
}

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (ch) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[ch] ?? ch,
  );

export function renderDocs(document: {
  info: { title: string; version: string };
  paths?: Record<string, Record<string, Operation>>;
}) {
  const rows = Object.entries(document.paths ?? {}).flatMap(([path, methods]) =>
    Object.entries(methods).map(
      ([method, op]) => `<section id="${escapeHtml(op.operationId ?? path)}">
  <h3><span class="m ${method}">${method.toUpperCase()}</span> <code>${escapeHtml(path)}</code></h3>
  <p><strong>${escapeHtml(op.summary ?? "")}</strong></p>
  <p>${escapeHtml(op.description ?? "")}</p>
</section>`,
    ),
  );
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(document.info.title)} — API</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
body{font:15px/1.5 system-ui,sans-serif;max-width:920px;margin:2rem auto;padding:0 1rem;color:#1d232a}
code{background:#f3f4f6;padding:.1rem .3rem;border-radius:4px}
section{border-top:1px solid #e5e7eb;padding:.5rem 0}
.m{display:inline-block;min-width:4.5rem;text-align:center;border-radius:4px;color:#fff;font-size:12px;padding:.1rem .4rem}
.get{background:#2563eb}.post{background:#059669}.put{background:#d97706}.delete{background:#dc2626}
</style></head><body>
<h1>${escapeHtml(document.info.title)} <small>v${escapeHtml(document.info.version)}</small></h1>
<p>Every admin route needs <code>Authorization: Bearer &lt;admin token&gt;</code>. Errors share one envelope:
<code>{"error":{"code","message","requestId"}}</code>. Machine-readable spec: <a href="/v1/openapi.json">/v1/openapi.json</a>.</p>
${rows.join("\n")}
</body></html>`;
}

export function registerDocs(app: Router, documentConfig: Parameters<Router["getOpenAPI31Document"]>[0]) {
  app.get("/docs", (c) =>
    c.html(renderDocs(app.getOpenAPI31Document(documentConfig) as Parameters<typeof renderDocs>[0])),
  );
}
