// Onboarding: while the connection was never verified, the quick-create link and External ID the
// customer needs; and at any time, a fresh signed link to the customer's onboarding page.
import { type getClient, LINK_HOURS } from "@tagc/services";
import { html } from "../../onboard/html";
import { csrfField, input } from "../form";
import { when } from "../format";
import type { ConsoleSession } from "../session";

type Onboarding = Awaited<ReturnType<typeof getClient>>["onboarding"];

export function onboardingSection(clientId: string, onboarding: Onboarding, session: ConsoleSession) {
  return html`<section aria-labelledby="onboarding-title" id="onboarding"><h2 id="onboarding-title">Onboarding</h2>
${
  onboarding
    ? html`<p>Not connected yet. External ID <code>${onboarding.external_id}</code> (until ${when(onboarding.external_id_expires_at)}), role <code>${onboarding.role_name}</code>.</p>
<p><a href="${onboarding.quick_create_url}" rel="noreferrer">CloudFormation quick-create link</a></p>`
    : html`<p class="muted">The connection has been verified.</p>`
}
<form method="post" action="/console/clients/${clientId}/onboarding-link" class="row">${csrfField(session)}
${input({ name: "expires_in_hours", label: "Link valid for (hours)", type: "number", value: String(LINK_HOURS.default), hint: `${LINK_HOURS.min} to ${LINK_HOURS.max} hours` })}
<div><button type="submit">Create onboarding link</button></div></form>
</section>`;
}
