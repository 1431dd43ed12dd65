// The customer's onboarding page: their name, the Launch stack button with a region picker, the
// permissions in plain words, the External ID to check against the console, the live status, and,
// once connected, how to connect Claude.
import type { OnboardingPageView } from "@tagc/services";
import { claudeSection } from "./claude-section";
import { html, SafeHtml } from "./html";
import { layout } from "./layout";
import { STATUS_LABELS as LABELS, PAGE_SCRIPT } from "./script";

export function renderOnboardingPage(view: OnboardingPageView, publicBaseUrl: string, nonce: string): string {
  const { status } = view;
  const failing = status.error !== null && status.status !== "connected";
  const connected = status.status === "connected" || status.status === "degraded";
  const body = html`
<p class="muted">Tag Compliance Cloud · onboarding</p>
<h1 id="client-name">${view.client_name}</h1>
<p>Connect your AWS account so Tag Compliance Cloud can check your resources' tags. It takes one
CloudFormation stack, deployed by someone allowed to create IAM roles.</p>

<section>
<h2>1. Launch the stack</h2>
<label for="region">Console region</label>
<select id="region">${view.regions.map(
    (r) =>
      html`<option value="${r.code}" ${r.code === view.region ? html`selected` : ""}>${r.name} (${r.code})</option>`,
  )}</select>
<p><a id="launch" class="launch" href="${view.quick_create_url}" target="_blank" rel="noopener noreferrer">Launch stack</a>
<span class="muted">opens the AWS console in <span id="region-shown">${view.region}</span></span></p>
<p class="muted">The stack is <code>${view.stack_name}</code>; it creates one IAM role,
<code id="role-name">${view.role_name}</code> (template ${view.template_version}). Tick "I acknowledge
that AWS CloudFormation might create IAM resources with custom names" and choose Create stack.</p>
<p>External ID, prefilled in the stack's parameters; check that the console shows exactly:
<code id="external-id">${view.external_id}</code></p>
</section>

<section>
<h2>2. What the role can and cannot do</h2>
<p>It is read-only. It can list your resources and read their tags, read cost grouped by tag and read
your Organizations tag policies:</p>
<ul>${view.permissions.map(
    (group) =>
      html`<li><strong>${group.service}</strong>: ${group.reads.map((r) => r.reason).join("; ")}</li>`,
  )}</ul>
<ul id="limits">${view.limits.map((limit) => html`<li>${limit}</li>`)}</ul>
</section>

<section>
<h2>3. Connection status</h2>
<p><span id="status" class="status" data-status="${status.status}">${LABELS[status.status] ?? status.status}</span>
· <span id="checked" class="muted">${status.checked_at ? `Last checked ${status.checked_at}` : "Not checked yet"}</span></p>
<p class="muted">This page checks again every few seconds: once the stack is CREATE_COMPLETE it turns
Connected on its own.</p>
<div id="problem" class="fix" ${failing ? "" : html`hidden`}>
<p id="problem-message">${status.error?.message ?? ""}</p>
<p id="problem-fix">${status.error?.fix ?? ""}</p>
</div>
</section>

${claudeSection(publicBaseUrl, connected)}
<p class="muted">This link works until ${view.link_expires_at}. Keep it private: it shows your External ID.</p>
<script nonce="${nonce}">${new SafeHtml(PAGE_SCRIPT)}</script>`;
  return layout(`Connect AWS · ${view.client_name}`, body, nonce);
}
