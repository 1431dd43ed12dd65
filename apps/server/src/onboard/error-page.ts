// What a dead link shows: why, and what to do, and nothing about any client.
import { html } from "./html";
import { layout } from "./layout";

export function renderLinkErrorPage(expired: boolean, nonce: string): string {
  const body = expired
    ? html`<h1>This onboarding link has expired</h1>
<p>For your security, onboarding links work for a limited time. Ask your Tag Compliance Cloud
administrator for a new link.</p>`
    : html`<h1>This onboarding link is not valid</h1>
<p>Check that you copied the whole link. If it still does not work, ask your Tag Compliance Cloud
administrator for a new one.</p>`;
  return layout(expired ? "Link expired" : "Link not valid", body, nonce);
}
