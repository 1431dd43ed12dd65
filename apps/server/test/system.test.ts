// Liveness, readiness, Prometheus metrics and the public CloudFormation template.
import { parseTemplateDocument, renderTemplate, TEMPLATE_VERSION } from "@tagc/cloudformation";
import { CONTROL_PLANE } from "@tagc/testkit";
import { describe, expect, test } from "vitest";
import { createApp } from "../src/app";
import { appDepsFrom } from "../src/deps";
import { parseEnv } from "../src/env";
import { KINDS } from "./harness";
import { expectError } from "./support/expect-error";
import { OPERATOR_ENV } from "./support/operator-env";
import { useHarness } from "./support/use-harness";

describe.each(KINDS)("system routes (%s)", (kind) => {
  const harness = useHarness({ kind });

  test("GET /health answers without credentials", async () => {
    const response = await harness().request("GET", "/health", { token: null });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ status: "ok", version: "0.1.0", uptime_s: expect.any(Number) });
  });

  test("GET /health/ready checks the database", async () => {
    const response = await harness().request("GET", "/health/ready", { token: null });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ status: "ready", checks: { database: true }, degraded: [] });
  });

  test("GET /health/ready reports the degraded parts with a 503", async () => {
    const h = harness();
    const app = createApp(
      { ...h.deps, readiness: { cache: async () => false } },
      { ping: async () => false },
    );
    const response = await app.request("/health/ready");
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({
      status: "degraded",
      checks: { database: false, cache: false },
      degraded: ["database", "cache"],
    });
    const throwing = createApp(
      { ...h.deps, readiness: { cache: () => Promise.reject(new Error("ECONNREFUSED")) } },
      h.database.handle,
    );
    const partial = await throwing.request("/health/ready");
    expect(partial.status).toBe(503);
    expect(await partial.json()).toEqual({
      status: "degraded",
      checks: { database: true, cache: false },
      degraded: ["cache"],
    });
  });

  test("GET /metrics is Prometheus text with request counts by route pattern, never ids or secrets", async () => {
    const h = harness();
    await h.request("GET", `/v1/clients/${h.acme.id}`);
    await h.request("GET", `/v1/clients/${h.globex.id}/status`);
    await h.request("GET", "/v1/clients", { token: null });
    const response = await h.request<string>("GET", "/metrics", { token: null });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(response.body).toContain("# TYPE tagc_http_requests_total counter");
    expect(response.body).toMatch(
      /tagc_http_requests_total\{method="GET",route="\/v1\/clients\/:id",status="200"\} [1-9]/,
    );
    expect(response.body).toMatch(
      /tagc_http_requests_total\{method="GET",route="\/v1\/clients",status="401"\} [1-9]/,
    );
    expect(response.body).toContain("# TYPE tagc_http_request_duration_seconds histogram");
    for (const tenant of h.tenants) {
      for (const value of [tenant.id, tenant.externalId, tenant.apiKey, tenant.keyId]) {
        expect(response.body).not.toContain(value);
      }
    }
  });

  test("with METRICS_TOKEN set, /metrics answers 401 without the bearer token and 200 with it", async () => {
    const h = harness();
    const token = "metrics-scrape-token-0123456789";
    // Through the env schema and appDepsFrom, as index.ts builds it.
    expect(() => parseEnv({ ...OPERATOR_ENV, METRICS_TOKEN: "short" })).toThrow(/METRICS_TOKEN/);
    const fromEnv = appDepsFrom(
      parseEnv({ ...OPERATOR_ENV, METRICS_TOKEN: token }),
      h.deps.services,
      h.deps.logger,
    );
    const app = createApp({ ...h.deps, metricsToken: fromEnv.metricsToken }, h.database.handle);
    const scrape = (authorization?: string) =>
      app.request("/metrics", authorization ? { headers: { authorization } } : {});
    for (const refused of [undefined, "Bearer wrong-token", `Basic ${token}`, token, `Bearer ${token}x`]) {
      const response = await scrape(refused);
      expect(response.status).toBe(401);
      expect(response.headers.get("www-authenticate")).toBe('Bearer realm="metrics"');
      expect(await response.json()).toMatchObject({ error: { code: "UNAUTHORIZED" } });
    }
    const allowed = await scrape(`Bearer ${token}`);
    expect(allowed.status).toBe(200);
    expect(await allowed.text()).toContain("# TYPE tagc_tool_calls_total counter");
  });

  test("the template endpoint serves the YAML of the current version, without credentials", async () => {
    const h = harness();
    // The text published to S3 for this operator: the repository file keeps placeholders.
    const published = renderTemplate("role", {
      platformAccountId: CONTROL_PLANE.account_id,
      scannerRolePattern: "tagc-scanner-*",
    });
    expect(published).not.toContain("__PLATFORM_ACCOUNT_ID__");
    expect(published).toContain(`"${CONTROL_PLANE.account_id}"`);
    for (const file of [`tag-compliance-role-${TEMPLATE_VERSION}.yaml`, "tag-compliance-role.yaml"]) {
      const response = await h.request<string>("GET", `/v1/templates/${file}`, { token: null });
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toBe("application/x-yaml; charset=utf-8");
      expect(response.body).toBe(published);
      const template = parseTemplateDocument(response.body).toJS() as {
        Metadata: { TemplateVersion: string };
        Parameters: Record<string, unknown>;
      };
      expect(template.Metadata.TemplateVersion).toBe(TEMPLATE_VERSION);
      expect(Object.keys(template.Parameters).sort()).toEqual(["ExternalId", "RoleName"]);
    }
  });

  test.each([
    ["an older version", "tag-compliance-role-2025-01-01.1.yaml"],
    ["another template", "tag-compliance-stackset.yaml"],
    ["a path traversal", "..%2F..%2Fpackage.json"],
    ["a very long name", `${"x".repeat(500)}.yaml`],
  ])("the template endpoint 404s %s", async (_name, file) => {
    const h = harness();
    const response = await h.request("GET", `/v1/templates/${file}`, { token: null });
    const shown = decodeURIComponent(file).slice(0, 80);
    expectError(response, {
      status: 404,
      code: "NOT_FOUND",
      message: `template ${shown} was not found; the current one is tag-compliance-role-${TEMPLATE_VERSION}.yaml`,
    });
  });

  test("an unknown path answers the envelope", async () => {
    expectError(await harness().request("GET", "/nope", { token: null }), {
      status: 404,
      code: "NOT_FOUND",
      message: "no route GET /nope",
    });
  });

  test("a caller's request id is echoed in the header and the envelope; a malformed one is replaced", async () => {
    const h = harness();
    const own = await h.request("GET", "/v1/clients/cli_nope", {
      headers: { "x-request-id": "support-ticket-42" },
    });
    expect(own.headers.get("x-request-id")).toBe("support-ticket-42");
    expect(own.body).toMatchObject({ error: { requestId: "support-ticket-42" } });
    const injected = await h.request("GET", "/v1/clients/cli_nope", {
      headers: { "x-request-id": "a b<script>" },
    });
    expect(injected.headers.get("x-request-id")).toMatch(/^req_[0-9a-f]{32}$/);
  });
});
