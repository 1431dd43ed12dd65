// GET /console/register: the registration form. Re-shown by the action with the values entered and
// each field's error next to it. A fresh idempotency key per form, so a double submit registers once.
import { randomUUID } from "node:crypto";
import { CLIENT_TIERS } from "@tagc/services";
import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { html } from "../../onboard/html";
import type { AppEnv } from "../../types";
import { csrfField, type FieldErrors, input, select } from "../form";
import { page } from "../respond";

export function registerPage(
  c: Context<AppEnv>,
  values: Record<string, unknown> = {},
  errors: FieldErrors = {},
  status: ContentfulStatusCode = 200,
) {
  const text = (name: string) => (typeof values[name] === "string" ? (values[name] as string) : undefined);
  const problems = Object.entries(errors).map(([field, message]) => html`<li>${field}: ${message}</li>`);
  return page(
    c,
    "Register a client",
    html`<h1>Register a client</h1>
${problems.length ? html`<div class="problem" role="alert"><p>The client was not registered:</p><ul>${problems}</ul></div>` : ""}
<section aria-labelledby="register-title"><h2 id="register-title">The customer</h2>
<form method="post" action="/console/register">${csrfField(c.var.consoleSession)}
<input type="hidden" name="idempotency_key" value="${text("idempotency_key") ?? randomUUID()}">
${input({ name: "name", label: "Name", value: text("name"), required: true, errors })}
${input({ name: "contact_email", label: "Contact e-mail", type: "email", value: text("contact_email"), required: true, errors, autocomplete: "off" })}
${select({ name: "tier", label: "Tier", options: CLIENT_TIERS, value: text("tier") ?? "professional", errors })}
${input({ name: "aws_account_id", label: "AWS account id (optional)", value: text("aws_account_id"), errors, hint: "12 digits; the connection checks it when the stack is deployed." })}
${input({ name: "region", label: "Console region (optional)", value: text("region"), errors, hint: "Where the AWS console link opens, e.g. eu-west-1." })}
<p><button type="submit">Register</button></p>
</form></section>`,
    status,
  );
}
