import type { ClientCtx } from "../context";
import { conflict } from "../errors";
import { runVerification } from "../verification/run";
import { primaryConnection } from "./load";

/** On demand: assume the role now (optionally with an overriding role ARN), probe, update status. */
export async function verifyClient({
  ctx,
  input,
}: {
  ctx: ClientCtx;
  input: { role_arn?: string | undefined };
}) {
  if (ctx.client.status === "deleted") throw conflict(`client ${ctx.client.id} is deleted`);
  const connection = await primaryConnection(ctx.deps.db, ctx.client.id);
  return runVerification({
    deps: ctx.deps,
    client: ctx.client,
    connection,
    actor: ctx.actor,
    requestId: ctx.requestId,
    roleArn: input.role_arn,
    countFailures: true,
  });
}
