// The client's API keys: each with its state, revoke and rotate; and the form that issues one (the
// secret is then shown once, on its own page).
import { KEY_SCOPES, type listApiKeys } from "@tagc/services";
import { html } from "../../onboard/html";
import { csrfField, input } from "../form";
import { badge, when } from "../format";
import type { ConsoleSession } from "../session";

type Key = Awaited<ReturnType<typeof listApiKeys>>["data"][number];

function keyRow(clientId: string, key: Key, session: ConsoleSession) {
  const live = key.state === "active" || key.state === "rotating";
  const base = `/console/clients/${clientId}/keys/${key.id}`;
  const actions = live
    ? html`<form method="post" action="${base}/revoke" class="inline">${csrfField(session)}<button type="submit" class="danger" aria-label="Revoke ${key.name}">Revoke</button></form>
<form method="post" action="${base}/rotate" class="inline">${csrfField(session)}<input type="hidden" name="overlap_seconds" value="86400"><button type="submit" class="plain" aria-label="Rotate ${key.name}">Rotate</button></form>`
    : "";
  return html`<tr data-key-id="${key.id}"><td>${key.name}</td><td><code>${key.prefix}</code></td><td>${key.scopes.join(", ")}</td>
<td>${badge(key.state)}</td><td>${when(key.created_at)}</td><td>${when(key.last_used_at)}</td><td>${when(key.expires_at)}</td><td>${actions}</td></tr>`;
}

export function keysSection(clientId: string, keys: Key[], session: ConsoleSession) {
  const scopes = KEY_SCOPES.map(
    (scope) =>
      html`<span class="inline"><input type="checkbox" id="scope-${scope}" name="scopes" value="${scope}"${scope === "mcp:tools" ? html` checked` : ""}> <label for="scope-${scope}">${scope}</label></span> `,
  );
  return html`<section aria-labelledby="keys-title" id="keys"><h2 id="keys-title">API keys</h2>
${
  keys.length
    ? html`<table><thead><tr><th scope="col">Name</th><th scope="col">Prefix</th><th scope="col">Scopes</th><th scope="col">State</th><th scope="col">Created</th><th scope="col">Last used</th><th scope="col">Expires</th><th scope="col">Actions</th></tr></thead>
<tbody>${keys.map((key) => keyRow(clientId, key, session))}</tbody></table>`
    : html`<p class="muted">No API keys yet.</p>`
}
<h3>Issue a key</h3>
<form method="post" action="/console/clients/${clientId}/keys" class="row">${csrfField(session)}
${input({ name: "name", label: "Key name", required: true, hint: "e.g. claude-desktop" })}
<fieldset><legend>Scopes</legend>${scopes}</fieldset>
${input({ name: "expires_at", label: "Expires on (optional)", hint: "A date, YYYY-MM-DD (UTC)" })}
<div><button type="submit">Issue key</button></div></form>
</section>`;
}
