// POST /console/clients/:id/keys/:keyId/rotate: rotateApiKey with the REST schema's overlap, then
// the new secret shown once.
import { rotateApiKey, type ServiceDeps } from "@tagc/services";
import type { Context } from "hono";
import { html } from "../../onboard/html";
import { clientCtxOf } from "../../routes/context";
import { RotateKeyBody } from "../../schemas/key";
import type { AppEnv } from "../../types";
import { errorPage } from "../errors";
import { fieldErrorsOf, formFields } from "../form";
import { when } from "../format";
import { secretPage } from "../pages/secret";

export async function rotateKeyAction(c: Context<AppEnv>, deps: ServiceDeps) {
  const { overlap_seconds } = await formFields(c);
  const overlap =
    typeof overlap_seconds === "string" && /^\d+$/.test(overlap_seconds)
      ? Number(overlap_seconds)
      : overlap_seconds;
  const body = RotateKeyBody.safeParse(overlap === undefined ? {} : { overlap_seconds: overlap });
  if (!body.success) {
    c.set("errorCode", "INVALID_REQUEST");
    const problems = Object.entries(fieldErrorsOf(body.error)).map(([f, m]) => `${f}: ${m}`);
    return errorPage(c, 400, `The key was not rotated. ${problems.join("; ")}`);
  }
  const input = { key_id: c.req.param("keyId") ?? "", overlap_seconds: body.data.overlap_seconds };
  const rotated = await rotateApiKey({ ctx: clientCtxOf(c, deps), input });
  const overlapNote = html`<p>The previous secret (<code>${rotated.previous.prefix}</code>) keeps working until ${when(rotated.previous.grace_expires_at)}.</p>`;
  return secretPage(c, c.var.client.id, rotated, overlapNote);
}
