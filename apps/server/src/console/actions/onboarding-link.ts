// POST /console/clients/:id/onboarding-link: issueOnboardingLink (which names the field when the hours
// are out of range), then the link to send the customer.
import { issueOnboardingLink, type ServiceDeps } from "@tagc/services";
import type { Context } from "hono";
import { html } from "../../onboard/html";
import { clientCtxOf } from "../../routes/context";
import type { AppEnv } from "../../types";
import { formFields } from "../form";
import { when } from "../format";
import { page } from "../respond";

export async function onboardingLinkAction(c: Context<AppEnv>, deps: ServiceDeps, publicBaseUrl: string) {
  const { expires_in_hours: hours } = await formFields(c);
  // A number the verb checks against its range; text that is not one is passed on for it to refuse.
  const input = {
    expires_in_hours: typeof hours === "string" && /^\d+$/.test(hours) ? Number(hours) : (hours as never),
  };
  const link = await issueOnboardingLink({
    ctx: clientCtxOf(c, deps),
    input: hours === undefined ? {} : input,
  });
  const url = `${publicBaseUrl}/onboard/${link.token}`;
  return page(
    c,
    "Onboarding link",
    html`<h1>Onboarding link for ${c.var.client.name}</h1>
<section aria-labelledby="link-title"><h2 id="link-title">Send this to the customer's cloud admin</h2>
<label for="link">Link (works until ${when(link.expires_at)})</label>
<input id="link" class="secret" readonly value="${url}" size="80">
<p class="muted">Anyone holding the link sees the onboarding page with the External ID; it never shows an API key.</p>
<p><a href="/console/clients/${c.var.client.id}#onboarding">Back to the client</a></p></section>`,
    201,
  );
}
