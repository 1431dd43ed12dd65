import type { ClientCtx } from "../context";
import { listConnections } from "./load";
import { clientView, connectionView, onboardingView } from "./view";

/** One client with its connections; onboarding details only while a connection was never verified. */
export async function getClient({ ctx }: { ctx: ClientCtx }) {
  const connections = await listConnections(ctx.deps.db, ctx.client.id);
  const pending = connections.find((c) => !c.verifiedAt && ctx.client.status !== "deleted");
  return {
    ...clientView(ctx.client),
    connections: connections.map(connectionView),
    onboarding: pending ? onboardingView(ctx.client, pending, ctx.deps.onboarding) : null,
  };
}
