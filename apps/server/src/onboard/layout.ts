// The onboarding pages' shell: one small inline stylesheet.
import { html, htmlDocument, type SafeHtml } from "./html";

const STYLE = `
body{font:16px/1.5 system-ui,-apple-system,Segoe UI,sans-serif;margin:0;background:#f5f6f8;color:#1d2330}
main{max-width:760px;margin:0 auto;padding:24px}
section{background:#fff;border:1px solid #dde1e8;border-radius:8px;padding:16px 20px;margin:16px 0}
h1{font-size:24px;margin:8px 0}h2{font-size:18px;margin:0 0 8px}
code,pre{font:13px/1.4 ui-monospace,Menlo,Consolas,monospace;background:#f0f2f5;border-radius:4px}
code{padding:1px 4px;word-break:break-all}pre{padding:10px;overflow-x:auto;white-space:pre-wrap;word-break:break-all}
.launch{display:inline-block;background:#ec7211;color:#fff;font-weight:600;padding:10px 18px;border-radius:6px;text-decoration:none}
.status{font-weight:600}.status[data-status=connected]{color:#1d7a3a}.status[data-status=degraded]{color:#a15c00}
.status[data-status=revoked]{color:#b3261e}.fix{color:#5b4300;background:#fff7e0;padding:8px;border-radius:4px}
.muted{color:#5d6675;font-size:14px}[hidden]{display:none}
`;

/** The whole document; `nonce` is the CSP nonce of the inline style (and script, if the body has one). */
export function layout(title: string, body: SafeHtml, nonce: string): string {
  return htmlDocument({ title, nonce, style: STYLE, body: html`<body><main>${body}</main></body>` });
}
