// This month's usage against the tier's quota of unique resources, as a bar (a native <meter>, so
// assistive technology reads the value) with the numbers beside it.
import type { getUsage } from "@tagc/services";
import { html, type SafeHtml } from "../../onboard/html";
import { count } from "../format";

type Usage = Awaited<ReturnType<typeof getUsage>>;

/** `chart`: the month day by day (sections/charts.ts), under the bar. */
export function usageSection(usage: Usage, chart: SafeHtml | "" = "") {
  const quota = usage.quota.unique_resources;
  const share = quota ? Math.min(100, Math.round((usage.unique_resources / quota) * 100)) : 0;
  const bar =
    quota === null
      ? html`<p>${count(usage.unique_resources)} unique resources; the ${usage.tier} tier has no quota.</p>`
      : html`<label for="quota-meter">Unique resources this month: ${count(usage.unique_resources)} of ${count(quota)} (${share}%)</label>
<meter id="quota-meter" min="0" max="${quota}" low="${Math.round(quota * 0.8)}" high="${Math.round(quota * 0.95)}" optimum="0" value="${usage.unique_resources}">${share}%</meter>
<p class="muted">${count(usage.quota.remaining ?? 0)} remaining on the ${usage.tier} tier.</p>`;
  const tools = Object.entries(usage.tool_calls).map(
    ([tool, calls]) => html`<li><code>${tool}</code>: ${count(Number(calls))}</li>`,
  );
  return html`<section aria-labelledby="usage-title" id="usage"><h2 id="usage-title">Usage in ${usage.period}</h2>
${bar}
${chart}
<p>${count(usage.scans)} scans · regions ${usage.regions_covered.join(", ") || "none yet"}</p>
${tools.length ? html`<ul>${tools}</ul>` : html`<p class="muted">No tool calls this month.</p>`}
</section>`;
}
