// Resolves an onboarding link to its client. The client id comes only from the verified token, never
// from the path or query, so a link can only ever show its own client; an offboarded client's link
// is as dead as a forged one.
import { type AwsConnection, type Client, clients, type Database } from "@tagc/db";
import { eq } from "drizzle-orm";
import { primaryConnection } from "../clients/load";
import type { ServiceDeps } from "../context";
import { ServiceError } from "../errors";
import { linkNotFound, verifyLinkToken } from "./link-token";

export interface OpenedLink {
  client: Client;
  connection: AwsConnection;
  linkId: string;
  expiresAt: Date;
}

export async function openOnboardingLink(deps: ServiceDeps, token: string): Promise<OpenedLink> {
  const secret = deps.onboarding.linkSecret;
  if (!secret) throw new ServiceError("SERVICE_UNAVAILABLE", "onboarding links are not configured");
  const claims = await verifyLinkToken({ secret, token, now: deps.now() });
  const client = await findClient(deps.db, claims.sub);
  if (!client || client.status === "deleted") throw linkNotFound();
  const connection = await primaryConnection(deps.db, client.id);
  return { client, connection, linkId: claims.jti, expiresAt: new Date(claims.exp * 1000) };
}

async function findClient(db: Database, id: string): Promise<Client | undefined> {
  const [row] = await db.select().from(clients).where(eq(clients.id, id)).limit(1);
  return row;
}
