// POST /console/register: the form parsed by the schema POST /v1/clients uses, then registerClient.
import { registerClient, type ServiceDeps } from "@tagc/services";
import type { Context } from "hono";
import { z } from "zod";
import { ctxOf } from "../../routes/context";
import { RegisterBody } from "../../schemas/client";
import type { AppEnv } from "../../types";
import { fieldErrorsOf, formFields } from "../form";
import { registerPage } from "../pages/register";

const IdempotencyKey = z.string().min(1).max(200).optional();

export async function registerAction(c: Context<AppEnv>, deps: ServiceDeps) {
  const { idempotency_key, ...fields } = await formFields(c);
  const key = IdempotencyKey.safeParse(idempotency_key);
  const body = RegisterBody.safeParse(fields);
  if (!body.success || !key.success) {
    c.set("errorCode", "INVALID_REQUEST");
    const errors = {
      ...(body.success ? {} : fieldErrorsOf(body.error)),
      ...(key.success ? {} : { idempotency_key: "must be 1 to 200 characters" }),
    };
    return registerPage(c, { ...fields, idempotency_key }, errors, 400);
  }
  const result = await registerClient({
    ctx: ctxOf(c, deps),
    input: { ...body.data, idempotency_key: key.data },
  });
  return c.redirect(`/console/clients/${result.client.id}?notice=registered`, 303);
}
