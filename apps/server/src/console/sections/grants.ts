// The client's OAuth grants (connected MCP apps such as claude.ai), each revocable.
import type { listOAuthGrants } from "@tagc/services";
import { html } from "../../onboard/html";
import { csrfField } from "../form";
import { when } from "../format";
import type { ConsoleSession } from "../session";

type Grant = Awaited<ReturnType<typeof listOAuthGrants>>["data"][number];

export function grantsSection(clientId: string, grants: Grant[], session: ConsoleSession) {
  const rows = grants.map((g) => {
    const name = g.oauth_client_name ?? g.oauth_client_id;
    return html`<tr><td>${name}</td><td><code>${g.key_id}</code></td><td>${g.scopes.join(", ")}</td><td>${when(g.created_at)}</td><td>${when(g.expires_at)}</td>
<td><form method="post" action="/console/clients/${clientId}/oauth-grants/${g.id}/revoke">${csrfField(session)}<button type="submit" class="danger" aria-label="Revoke the grant of ${name}">Revoke</button></form></td></tr>`;
  });
  return html`<section aria-labelledby="grants-title" id="grants"><h2 id="grants-title">OAuth grants</h2>
${
  rows.length
    ? html`<table><thead><tr><th scope="col">App</th><th scope="col">Through key</th><th scope="col">Scopes</th><th scope="col">Granted</th><th scope="col">Expires</th><th scope="col">Actions</th></tr></thead><tbody>${rows}</tbody></table>`
    : html`<p class="muted">No app is connected through OAuth.</p>`
}
</section>`;
}
