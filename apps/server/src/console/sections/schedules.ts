// The client's scheduled audits (made with the schedule_compliance_audit tool), each cancellable, and
// below them the latest alert delivery attempts (e-mail, Slack, Teams), so an operator sees a target
// that keeps failing and why. Targets arrive masked from the verb: webhook URLs carry tokens.
import type { listDeliveries, listSchedules } from "@tagc/services";
import { html } from "../../onboard/html";
import { csrfField } from "../form";
import { badge, when } from "../format";
import type { ConsoleSession } from "../session";

type Schedule = Awaited<ReturnType<typeof listSchedules>>["data"][number];
type Delivery = Awaited<ReturnType<typeof listDeliveries>>["data"][number];

/** The newest attempts only: the REST route has them all, per schedule. */
const SHOWN_DELIVERIES = 20;

function deliveriesTable(deliveries: Delivery[]) {
  if (!deliveries.length) return html`<p class="muted">No alert deliveries yet.</p>`;
  const failed = deliveries.filter((d) => d.outcome !== "delivered").length;
  const rows = deliveries
    .slice(0, SHOWN_DELIVERIES)
    .map(
      (d) =>
        html`<tr><td>${when(d.at)}</td><td>${d.channel}</td><td>${d.target}</td><td>${d.owner ?? "—"}</td><td>${d.attempt}</td><td>${badge(d.outcome)}</td><td>${d.error ?? ""}</td></tr>`,
    );
  return html`<h3 id="deliveries-title">Alert deliveries</h3>
<p>${failed ? `${failed} of the latest ${deliveries.length} attempts did not deliver.` : "Every recent attempt delivered."}</p>
<table aria-labelledby="deliveries-title"><thead><tr><th scope="col">At</th><th scope="col">Channel</th><th scope="col">Target</th><th scope="col">Owner</th><th scope="col">Attempt</th><th scope="col">Outcome</th><th scope="col">Error</th></tr></thead><tbody>${rows}</tbody></table>`;
}

export function schedulesSection(
  clientId: string,
  schedules: Schedule[],
  deliveries: Delivery[],
  session: ConsoleSession,
) {
  const rows = schedules.map(
    (
      s,
    ) => html`<tr><td>${s.schedule} ${s.time} ${s.timezone}</td><td>${s.resource_types.join(", ") || "all types"}</td>
<td>${s.recipients.join(", ")}</td><td>${badge(s.status)}</td><td>${when(s.next_run)}</td><td>${when(s.last_run)}</td>
<td>${
      s.status === "active"
        ? html`<form method="post" action="/console/clients/${clientId}/schedules/${s.schedule_id}/cancel">${csrfField(session)}<button type="submit" class="danger" aria-label="Cancel the ${s.schedule} schedule ${s.schedule_id}">Cancel</button></form>`
        : ""
    }</td></tr>`,
  );
  return html`<section aria-labelledby="schedules-title" id="schedules"><h2 id="schedules-title">Schedules</h2>
${
  rows.length
    ? html`<table><thead><tr><th scope="col">When</th><th scope="col">Resource types</th><th scope="col">Recipients</th><th scope="col">Status</th><th scope="col">Next run</th><th scope="col">Last run</th><th scope="col">Actions</th></tr></thead><tbody>${rows}</tbody></table>`
    : html`<p class="muted">No scheduled audits.</p>`
}
${deliveriesTable(deliveries)}
</section>`;
}
