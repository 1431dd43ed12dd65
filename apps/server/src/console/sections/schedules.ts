// The client's scheduled audits (made with the schedule_compliance_audit tool), each cancellable.
// Delivery failures of these schedules (e-mail, Slack, Teams) belong in this section too: they are
// added with the alerts work, below the table.
import type { listSchedules } from "@tagc/services";
import { html } from "../../onboard/html";
import { csrfField } from "../form";
import { badge, when } from "../format";
import type { ConsoleSession } from "../session";

type Schedule = Awaited<ReturnType<typeof listSchedules>>["data"][number];

export function schedulesSection(clientId: string, schedules: Schedule[], session: ConsoleSession) {
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
</section>`;
}
