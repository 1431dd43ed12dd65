import type { Client } from "@tagc/db";
import type { Ctx } from "../context";
import { primaryConnection } from "./load";
import { clientView, connectionView, onboardingView } from "./view";

/** What registration answers (and replays): the client, its connection and the onboarding link. */
export async function registrationView(ctx: Ctx, client: Client, region?: string) {
  const connection = await primaryConnection(ctx.deps.db, client.id);
  return {
    client: clientView(client),
    connection: connectionView(connection),
    onboarding: onboardingView(client, connection, ctx.deps.onboarding, region),
    status: client.status,
  };
}
