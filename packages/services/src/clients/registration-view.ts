import { awsConnections, type Client } from "@tagc/db";
import { asc, eq } from "drizzle-orm";
import type { Ctx } from "../context";
import { clientView, connectionView, onboardingView } from "./view";

/** What registration answers (and replays): the client, its connection and the onboarding link. */
export async function registrationView(ctx: Ctx, client: Client, region?: string) {
  const [connection] = await ctx.deps.db
    .select()
    .from(awsConnections)
    .where(eq(awsConnections.clientId, client.id))
    .orderBy(asc(awsConnections.createdAt))
    .limit(1);
  if (!connection) throw new Error(`client ${client.id} has no connection`);
  return {
    client: clientView(client),
    connection: connectionView(connection),
    onboarding: onboardingView(client, connection, ctx.deps.onboarding, region),
    status: client.status,
  };
}
