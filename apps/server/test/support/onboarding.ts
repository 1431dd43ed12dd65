// Helpers of the onboarding page suites: a link through REST, and a fresh pending client whose role
// does not exist yet (the harness tenants are already connected).
import { expect } from "vitest";
import type { Harness } from "../harness";
import { ACME_ACCOUNT } from "../harness";
import { registerScratchClient } from "./routes";

export interface LinkBody {
  url: string;
  link_id: string;
  expires_at: string;
}

export async function issueLink(h: Harness, clientId: string, body: Record<string, unknown> = {}) {
  const response = await h.request<LinkBody>("POST", `/v1/clients/${clientId}/onboarding-link`, { body });
  expect(response.status, response.text).toBe(201);
  return response.body;
}

/** The page path of a link: the app is driven in-process, so only the path matters. */
export const pagePath = (link: LinkBody) => new URL(link.url).pathname;

export async function pendingClient(h: Harness, name: string) {
  const registered = await registerScratchClient(h, { name, aws_account_id: ACME_ACCOUNT.account_id });
  return {
    id: registered.client.id,
    name,
    externalId: registered.onboarding.external_id,
    roleName: registered.onboarding.role_name,
    accountId: ACME_ACCOUNT.account_id,
  };
}
