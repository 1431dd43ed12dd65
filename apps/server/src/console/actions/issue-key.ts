// POST /console/clients/:id/keys: the form parsed by POST /v1/clients/{id}/api-keys's schema, then
// issueApiKey; the answer is the page that shows the secret once.
import { issueApiKey, type ServiceDeps } from "@tagc/services";
import type { Context } from "hono";
import { clientCtxOf } from "../../routes/context";
import { IssueKeyBody } from "../../schemas/key";
import type { AppEnv } from "../../types";
import { errorPage } from "../errors";
import { fieldErrorsOf, formFields } from "../form";
import { secretPage } from "../pages/secret";

/** A date input's day means the start of that day, UTC; anything else is left for the schema to name. */
const dayToInstant = (value: unknown) =>
  typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value;

export async function issueKeyAction(c: Context<AppEnv>, deps: ServiceDeps) {
  const { scopes, expires_at, ...fields } = await formFields(c);
  const body = IssueKeyBody.safeParse({
    ...fields,
    ...(scopes ? { scopes: [scopes].flat() } : {}),
    ...(expires_at ? { expires_at: dayToInstant(expires_at) } : {}),
  });
  if (!body.success) {
    c.set("errorCode", "INVALID_REQUEST");
    const problems = Object.entries(fieldErrorsOf(body.error)).map(([f, m]) => `${f}: ${m}`);
    return errorPage(c, 400, `The key was not issued. ${problems.join("; ")}`);
  }
  const key = await issueApiKey({ ctx: clientCtxOf(c, deps), input: body.data });
  return secretPage(c, c.var.client.id, key);
}
