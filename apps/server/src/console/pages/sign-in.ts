// The sign-in form: the bootstrap admin token or an admin JWT, pasted once and exchanged for a
// session cookie (actions/sign-in.ts). The field is a password input so it is not shown or kept.
import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { html } from "../../onboard/html";
import type { AppEnv } from "../../types";
import { input } from "../form";
import { page } from "../respond";

export function signInPage(c: Context<AppEnv>, error?: string, status: ContentfulStatusCode = 200) {
  return page(
    c,
    "Sign in",
    html`<h1>Operator console</h1>
<section aria-labelledby="sign-in-title"><h2 id="sign-in-title">Sign in</h2>
<form method="post" action="/console/sign-in">
${input({
  name: "token",
  label: "Admin token",
  type: "password",
  required: true,
  autocomplete: "off",
  hint: "The bootstrap admin token or an admin JWT with the admin scope.",
  ...(error ? { errors: { token: error } } : {}),
})}
<p><button type="submit">Sign in</button></p>
</form></section>`,
    status,
  );
}
