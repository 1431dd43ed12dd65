// The consent pages, server-rendered: step one asks for an API key of the customer's client (proof of
// membership), step two names the client and the scopes and asks to approve. Escaped by default.
import { html } from "../onboard/html";
import { layout } from "../onboard/layout";

const SCOPE_WORDS: Record<string, string> = {
  "mcp:read": "read your tag compliance results, policies and reports",
  "mcp:tools": "run every Tag Compliance Cloud tool, including scans and remediation plans",
};

const scopeList = (scopes: readonly string[]) =>
  html`<ul id="scopes">${scopes.map((s) => html`<li><code>${s}</code>: ${SCOPE_WORDS[s] ?? s}</li>`)}</ul>`;

export interface KeyFormView {
  uid: string;
  csrf: string;
  appName: string;
  requested: readonly string[];
  error?: string | undefined;
}

export function renderKeyForm(view: KeyFormView, nonce: string): string {
  const body = html`
<p class="muted">Tag Compliance Cloud · connect an MCP client</p>
<h1><span id="app-name">${view.appName}</span> wants to use Tag Compliance Cloud</h1>
<section>
<p>It asks to:</p>${scopeList(view.requested)}
<p>To confirm which customer you are, paste an API key of your organisation (your administrator
issued it; it starts with <code>tagc_</code>). It is checked now and never given to the app.</p>
${view.error ? html`<p id="error" class="fix" role="alert">${view.error}</p>` : ""}
<form method="post" action="/oauth/interaction/${view.uid}">
<input type="hidden" name="csrf" value="${view.csrf}">
<input type="hidden" name="step" value="key">
<label for="api_key">API key</label><br>
<input id="api_key" name="api_key" type="password" autocomplete="off" required size="60"><br><br>
<button type="submit" id="continue">Continue</button>
<button type="submit" name="step" value="deny" formnovalidate id="deny">Cancel</button>
</form>
</section>`;
  return layout(`Connect ${view.appName}`, body, nonce);
}

export interface ApproveView {
  uid: string;
  csrf: string;
  appName: string;
  clientName: string;
  scopes: readonly string[];
  /** Signed: the account and scopes chosen in step one (never the key itself). */
  approval: string;
  dropped: readonly string[];
}

export function renderApprove(view: ApproveView, nonce: string): string {
  const body = html`
<p class="muted">Tag Compliance Cloud · connect an MCP client</p>
<h1>Allow <span id="app-name">${view.appName}</span> to act for <span id="client-name">${view.clientName}</span>?</h1>
<section>
<p>It will be able to:</p>${scopeList(view.scopes)}
${
  view.dropped.length
    ? html`<p class="muted" id="dropped">Not granted (the API key does not have them): ${view.dropped.join(", ")}</p>`
    : ""
}
<p class="muted">You can revoke this access at any time: revoking the API key you used ends it too.</p>
<form method="post" action="/oauth/interaction/${view.uid}">
<input type="hidden" name="csrf" value="${view.csrf}">
<input type="hidden" name="approval" value="${view.approval}">
<button type="submit" name="step" value="approve" id="approve">Allow</button>
<button type="submit" name="step" value="deny" id="deny">Deny</button>
</form>
</section>`;
  return layout(`Allow ${view.appName}`, body, nonce);
}

export function renderMessage(title: string, message: string, nonce: string): string {
  return layout(title, html`<h1>${title}</h1><p id="message">${message}</p>`, nonce);
}

/** oidc-provider's own error page (bad client id, redirect URI, expired interaction): no details leak. */
export function renderOAuthError(out: { error?: unknown; error_description?: unknown }): string {
  const description = typeof out.error_description === "string" ? out.error_description : "";
  return layout(
    "Sign-in failed",
    html`<h1>Sign-in failed</h1><p id="error"><code>${String(out.error ?? "server_error")}</code> ${description}</p>
<p>Start connecting again from your MCP client.</p>`,
    "",
  );
}
