// The client's audit log, newest first, filtered by operation and outcome, a page at a time (the
// listAudit verb's cursor travels in the "Older events" link with the filters).

import type { listAudit } from "@tagc/services";
import { AUDIT_OUTCOMES } from "@tagc/services";
import { html } from "../../onboard/html";
import { input, select } from "../form";
import { badge, when } from "../format";

type AuditPage = Awaited<ReturnType<typeof listAudit>>;

export interface AuditFilters {
  operation?: string | undefined;
  outcome?: (typeof AUDIT_OUTCOMES)[number] | undefined;
}

export function auditSection(clientId: string, audit: AuditPage, filters: AuditFilters) {
  const rows = audit.data.map(
    (
      e,
    ) => html`<tr><td>${when(e.created_at)}</td><td class="operation"><code>${e.operation}</code></td><td>${e.actor}${e.api_key_id ? html` <code>${e.api_key_id}</code>` : ""}</td>
<td>${badge(e.outcome)}${e.error_code ? html` ${e.error_code}` : ""}</td><td>${e.duration_ms ?? ""}</td></tr>`,
  );
  const older = new URLSearchParams({
    ...(filters.operation ? { operation: filters.operation } : {}),
    ...(filters.outcome ? { outcome: filters.outcome } : {}),
    ...(audit.next_cursor ? { cursor: audit.next_cursor } : {}),
  });
  return html`<section aria-labelledby="audit-title" id="audit"><h2 id="audit-title">Audit log</h2>
<form method="get" action="/console/clients/${clientId}#audit" class="row">
${input({ name: "operation", label: "Operation", value: filters.operation, hint: "e.g. check_tag_compliance or api_keys.issue" })}
${select({ name: "outcome", label: "Outcome", options: [{ value: "", label: "Any outcome" }, ...AUDIT_OUTCOMES], value: filters.outcome })}
<div><button type="submit">Filter</button></div></form>
${
  rows.length
    ? html`<table><thead><tr><th scope="col">When</th><th scope="col">Operation</th><th scope="col">Actor</th><th scope="col">Outcome</th><th scope="col">ms</th></tr></thead><tbody>${rows}</tbody></table>`
    : html`<p class="muted">No audit event matches.</p>`
}
${audit.next_cursor ? html`<p><a href="/console/clients/${clientId}?${older.toString()}#audit">Older events</a></p>` : ""}
</section>`;
}
