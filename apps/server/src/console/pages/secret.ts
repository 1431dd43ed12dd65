// The one time a key's secret is shown: right after issuing or rotating it, on a page that is never
// cached (the console's headers say no-store), with no way to show it again.
import type { Context } from "hono";
import { html, type SafeHtml } from "../../onboard/html";
import type { AppEnv } from "../../types";
import { page } from "../respond";

export function secretPage(
  c: Context<AppEnv>,
  clientId: string,
  key: { id: string; name: string; secret: string },
  extra: SafeHtml | "" = "",
) {
  return page(
    c,
    "Key issued",
    html`<h1>Key ${key.name} issued</h1>
<section aria-labelledby="secret-title"><h2 id="secret-title">The secret, shown once</h2>
<p>Copy it now: only its SHA-256 is kept, so it cannot be shown again.</p>
<label for="secret">Secret of <code>${key.id}</code></label>
<input id="secret" class="secret" readonly value="${key.secret}" size="60">
${extra}
<p><a href="/console/clients/${clientId}#keys">Back to the client</a></p></section>`,
    201,
  );
}
