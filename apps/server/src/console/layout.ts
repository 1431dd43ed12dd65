// The console's shell: a skip link, the navigation, the sign-out form and one small inline
// stylesheet (nonce'd: the CSP admits no other style or script). Colours meet WCAG AA contrast and
// every control shows a visible focus ring, since the pages are checked with axe and by keyboard.
import { html, htmlDocument, type SafeHtml } from "../onboard/html";
import { csrfField } from "./form";
import type { ConsoleSession } from "./session";

const STYLE = `
*{box-sizing:border-box}
body{font:16px/1.5 system-ui,-apple-system,Segoe UI,sans-serif;margin:0;background:#f5f6f8;color:#1d2330}
header{background:#1d2330;color:#fff;padding:10px 24px;display:flex;gap:24px;align-items:center;flex-wrap:wrap}
header a{color:#fff}header .brand{font-weight:700;text-decoration:none}
header nav{display:flex;gap:16px;flex:1}header form{margin:0}
main{max-width:1040px;margin:0 auto;padding:16px 24px}
section{background:#fff;border:1px solid #dde1e8;border-radius:8px;padding:16px 20px;margin:16px 0}
h1{font-size:24px;margin:8px 0}h2{font-size:18px;margin:0 0 8px}
a{color:#1a4fb8}
table{border-collapse:collapse;width:100%;font-size:14px}th,td{text-align:left;padding:6px 8px;border-bottom:1px solid #e3e6ec;vertical-align:top}
code{font:13px/1.4 ui-monospace,Menlo,Consolas,monospace;background:#f0f2f5;border-radius:4px;padding:1px 4px;word-break:break-all}
label{font-weight:600;display:block;margin:8px 0 2px}
.inline label{display:inline;margin:0 4px 0 0;font-weight:400}form.inline{display:inline}fieldset{border:1px solid #dde1e8;border-radius:4px}
input,select,button{font:inherit;padding:6px 8px;border:1px solid #6b7280;border-radius:4px;background:#fff;color:#1d2330}
button{background:#1a4fb8;border-color:#1a4fb8;color:#fff;cursor:pointer}
button.danger{background:#b3261e;border-color:#b3261e}button.plain{background:#fff;color:#1a4fb8}
:focus-visible,input:focus,select:focus{outline:3px solid #e8a317;outline-offset:2px}
.row{display:flex;gap:12px;flex-wrap:wrap;align-items:end}.row>div{min-width:160px}
.badge{display:inline-block;padding:1px 8px;border-radius:10px;font-size:13px;font-weight:600;background:#e3e6ec;color:#1d2330}
.badge[data-status=connected],.badge[data-status=ok],.badge[data-status=active]{background:#d7f0de;color:#125c2b}
.badge[data-status=degraded],.badge[data-status=pending],.badge[data-status=rotating]{background:#fff1cc;color:#6b4500}
.badge[data-status=revoked],.badge[data-status=error],.badge[data-status=deleted],.badge[data-status=expired],.badge[data-status=denied],.badge[data-status=failed]{background:#fbe0de;color:#8c1d17}
.notice{background:#d7f0de;color:#125c2b;padding:8px 12px;border-radius:6px}
.problem{background:#fbe0de;color:#8c1d17;padding:8px 12px;border-radius:6px}
.field-error{color:#8c1d17;font-size:14px;margin:2px 0}
.secret{font-size:16px;padding:8px;display:block;margin:8px 0}
.muted{color:#4b5563;font-size:14px}.who{color:#fff;font-size:14px;margin-right:8px}
meter{width:100%;height:20px}
.skip{position:absolute;left:-999px}.skip:focus{left:8px;top:8px;background:#fff;color:#1a4fb8;padding:4px 8px;z-index:1}
figure{margin:8px 0}figure svg{max-width:100%;height:auto}figcaption{font-weight:600;margin:12px 0 4px}
`;

export interface LayoutOptions {
  title: string;
  nonce: string;
  /** Absent on the sign-in page: no navigation and no sign-out form. */
  session?: ConsoleSession | undefined;
}

export function layout(options: LayoutOptions, body: SafeHtml): string {
  const { session } = options;
  const nav = session
    ? html`<nav aria-label="Console"><a href="/console">Clients</a><a href="/console/register">Register a client</a></nav>
<form method="post" action="/console/sign-out">${csrfField(session)}<span class="who">${session.sub}</span> <button type="submit" class="plain">Sign out</button></form>`
    : "";
  return htmlDocument({
    title: `${options.title} · Tag Compliance Cloud console`,
    nonce: options.nonce,
    style: STYLE,
    body: html`<body><a class="skip" href="#main">Skip to content</a>
<header><a class="brand" href="/console">Tag Compliance Cloud</a>${nav}</header>
<main id="main">${body}</main></body>`,
  });
}
