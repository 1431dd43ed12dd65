// The client's AWS connection: status, account, role, last check and error with its fix, and the
// last verification's probes (one read per permission family). "Verify now" runs verifyClient.
import type { getClientStatus } from "@tagc/services";
import { html } from "../../onboard/html";
import { csrfField } from "../form";
import { badge, when } from "../format";
import type { ConsoleSession } from "../session";

type Status = Awaited<ReturnType<typeof getClientStatus>>;

export function connectionSection(status: Status, session: ConsoleSession) {
  const probes = status.probes.map(
    (
      p,
    ) => html`<tr><td>${p.family}</td><td><code>${p.action}</code></td><td>${p.required ? "required" : "optional"}</td>
<td>${badge(p.outcome)}</td><td>${p.error_code ?? ""}</td></tr>`,
  );
  return html`<section aria-labelledby="connection-title" id="connection"><h2 id="connection-title">Connection</h2>
<p>Status ${badge(status.status)} · account <code>${status.aws_account_id ?? "not yet known"}</code></p>
<p class="muted">Role <code>${status.role_arn ?? "not deployed yet"}</code> · last checked ${when(status.last_checked_at)} · verified ${when(status.verified_at)}
· template ${status.template_version}${status.template_outdated ? html` (latest ${status.latest_template_version}: re-deploy to update)` : ""}</p>
${status.last_error_code ? html`<p class="problem">${status.last_error_code}: ${status.last_error_message ?? ""}${status.fix ? html`<br>${status.fix}` : ""}</p>` : ""}
<form method="post" action="/console/clients/${status.client_id}/verify">${csrfField(session)}<button type="submit">Verify now</button></form>
<h3>Last probes</h3>
${
  probes.length
    ? html`<table><thead><tr><th scope="col">Family</th><th scope="col">Read</th><th scope="col">Kind</th><th scope="col">Outcome</th><th scope="col">Error</th></tr></thead><tbody>${probes}</tbody></table>`
    : html`<p class="muted">No verification has run yet.</p>`
}
</section>`;
}
