// Every /v1 admin route, described once: the shared security suite runs against each, and the OpenAPI
// test checks the document lists exactly these operations.
import { randomBytes } from "node:crypto";
import { oauthRecords } from "@tagc/db";
import { expect } from "vitest";
import type { Harness, Tenant } from "../harness";
import type { IssuedKey, Registration } from "./api-types";

export type Method = "GET" | "POST" | "PUT" | "DELETE";

export interface RouteParams {
  id?: string;
  keyId?: string;
  grantId?: string;
}

export interface RouteTarget {
  params: RouteParams;
  body?: unknown;
  /** True when the success response may carry this target's own External ID (registration). */
  showsExternalId?: boolean;
}

export interface RouteCase {
  operationId: string;
  method: Method;
  /** The OpenAPI path template. */
  template: string;
  /** Status of an authorised call. */
  success: number;
  /**
   * The request for one tenant's resource. Routes that destroy or create state get a scratch
   * resource made through REST first, so the harness tenants stay intact for the next test.
   */
  target(h: Harness, tenant: Tenant): Promise<RouteTarget>;
}

export const pathOf = (route: Pick<RouteCase, "template">, params: RouteParams) =>
  route.template
    .replace("{id}", params.id ?? "")
    .replace("{keyId}", params.keyId ?? "")
    .replace("{grantId}", params.grantId ?? "");

/** A well-formed client id that no tenant has. */
export const UNKNOWN_CLIENT_ID = "cli_00000000000000000000000000";
export const UNKNOWN_KEY_ID = "key_00000000000000000000000000";

export const VALID_POLICY = {
  version: "1.0",
  required_tags: [
    {
      name: "Owner",
      description: "Who answers for the resource",
      validation_regex: "^[^@]+@[^@]+$",
      applies_to: ["ec2:instance", "s3:bucket"],
    },
  ],
  optional_tags: [{ name: "CostCenter", description: "Chargeback", allowed_values: null }],
};

export async function registerScratchClient(h: Harness, overrides: Record<string, unknown> = {}) {
  const tag = randomBytes(4).toString("hex");
  const response = await h.request<Registration>("POST", "/v1/clients", {
    body: {
      name: `Scratch ${tag}`,
      contact_email: `ops+${tag}@scratch.example`,
      tier: "starter",
      ...overrides,
    },
  });
  expect(response.status).toBe(201);
  return response.body;
}

export async function issueScratchKey(h: Harness, clientId: string, body: Record<string, unknown> = {}) {
  const response = await h.request<IssuedKey>("POST", `/v1/clients/${clientId}/api-keys`, {
    body: { name: `scratch-${randomBytes(3).toString("hex")}`, ...body },
  });
  expect(response.status).toBe(201);
  return response.body;
}

/** A grant row as oidc-provider stores one after a consent, made with a scratch key of the tenant. */
export async function insertScratchGrant(h: Harness, clientId: string) {
  const key = await issueScratchKey(h, clientId);
  const id = `grant-${randomBytes(8).toString("hex")}`;
  await h.db.insert(oauthRecords).values({
    kind: "Grant",
    id,
    grantId: id,
    payload: {
      jti: id,
      kind: "Grant",
      accountId: `${clientId}:${key.id}`,
      clientId: "scratch-app",
      resources: { "https://tagc.test/mcp": "mcp:tools" },
    },
    expiresAt: new Date(Date.now() + 3_600_000),
  });
  return { id, keyId: key.id };
}

const own = async (_h: Harness, tenant: Tenant): Promise<RouteTarget> => ({ params: { id: tenant.id } });

export const ROUTES = {
  registerClient: {
    operationId: "registerClient",
    method: "POST",
    template: "/v1/clients",
    success: 201,
    target: async () => {
      const tag = randomBytes(4).toString("hex");
      return {
        params: {},
        body: { name: `Security ${tag}`, contact_email: `sec+${tag}@scratch.example`, tier: "starter" },
        showsExternalId: true,
      };
    },
  },
  listClients: {
    operationId: "listClients",
    method: "GET",
    template: "/v1/clients",
    success: 200,
    target: async () => ({ params: {} }),
  },
  getClient: {
    operationId: "getClient",
    method: "GET",
    template: "/v1/clients/{id}",
    success: 200,
    target: own,
  },
  getClientStatus: {
    operationId: "getClientStatus",
    method: "GET",
    template: "/v1/clients/{id}/status",
    success: 200,
    target: own,
  },
  verifyClient: {
    operationId: "verifyClient",
    method: "POST",
    template: "/v1/clients/{id}/verify",
    success: 200,
    target: own,
  },
  createOnboardingLink: {
    operationId: "createOnboardingLink",
    method: "POST",
    template: "/v1/clients/{id}/onboarding-link",
    success: 201,
    target: async (_h, tenant) => ({ params: { id: tenant.id }, body: { expires_in_hours: 1 } }),
  },
  deleteClient: {
    operationId: "deleteClient",
    method: "DELETE",
    template: "/v1/clients/{id}",
    success: 200,
    target: async (h) => ({ params: { id: (await registerScratchClient(h)).client.id } }),
  },
  issueApiKey: {
    operationId: "issueApiKey",
    method: "POST",
    template: "/v1/clients/{id}/api-keys",
    success: 201,
    target: async (_h, tenant) => ({ params: { id: tenant.id }, body: { name: "security-suite" } }),
  },
  listApiKeys: {
    operationId: "listApiKeys",
    method: "GET",
    template: "/v1/clients/{id}/api-keys",
    success: 200,
    target: own,
  },
  revokeApiKey: {
    operationId: "revokeApiKey",
    method: "DELETE",
    template: "/v1/clients/{id}/api-keys/{keyId}",
    success: 200,
    target: async (h, tenant) => ({
      params: { id: tenant.id, keyId: (await issueScratchKey(h, tenant.id)).id },
    }),
  },
  rotateApiKey: {
    operationId: "rotateApiKey",
    method: "POST",
    template: "/v1/clients/{id}/api-keys/{keyId}/rotate",
    success: 201,
    target: async (h, tenant) => ({
      params: { id: tenant.id, keyId: (await issueScratchKey(h, tenant.id)).id },
      body: { overlap_seconds: 60 },
    }),
  },
  getPolicy: {
    operationId: "getPolicy",
    method: "GET",
    template: "/v1/clients/{id}/policy",
    success: 200,
    target: own,
  },
  putPolicy: {
    operationId: "putPolicy",
    method: "PUT",
    template: "/v1/clients/{id}/policy",
    success: 200,
    target: async (_h, tenant) => ({ params: { id: tenant.id }, body: VALID_POLICY }),
  },
  getUsage: {
    operationId: "getUsage",
    method: "GET",
    template: "/v1/clients/{id}/usage",
    success: 200,
    target: own,
  },
  listOAuthGrants: {
    operationId: "listOAuthGrants",
    method: "GET",
    template: "/v1/clients/{id}/oauth-grants",
    success: 200,
    target: own,
  },
  revokeOAuthGrant: {
    operationId: "revokeOAuthGrant",
    method: "DELETE",
    template: "/v1/clients/{id}/oauth-grants/{grantId}",
    success: 200,
    target: async (h, tenant) => ({
      params: { id: tenant.id, grantId: (await insertScratchGrant(h, tenant.id)).id },
    }),
  },
  listAuditEvents: {
    operationId: "listAuditEvents",
    method: "GET",
    template: "/v1/clients/{id}/audit",
    success: 200,
    target: own,
  },
} satisfies Record<string, RouteCase>;

export type OperationId = keyof typeof ROUTES;
export const ALL_ROUTES: RouteCase[] = Object.values(ROUTES);

/** What identifies a tenant or lets someone act as it: none of it may reach another tenant. */
export const tenantMarkers = (tenant: Tenant) => ({
  id: tenant.id,
  name: tenant.name,
  externalId: tenant.externalId,
  apiKey: tenant.apiKey,
  keyId: tenant.keyId,
  roleName: tenant.roleName,
  accountId: tenant.accountId,
});

/** Asserts `text` carries none of `tenant`'s markers, naming the one that leaked. */
export function expectNoMarkersOf(tenant: Tenant, text: string, where: string) {
  const leaked = Object.entries(tenantMarkers(tenant))
    .filter(([, value]) => text.includes(value))
    .map(([name]) => name);
  expect(leaked, `${where} leaks ${tenant.slug}'s ${leaked.join(", ")}`).toEqual([]);
}
