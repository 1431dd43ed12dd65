// The response validator every harness installs (support/contract.ts) is only worth its silence if it
// speaks up: against the document the server serves, it refuses drifted bodies and undocumented
// statuses, naming the operation and the field, and lets through what the routes really answer.
import { describe, expect, test } from "vitest";
import { type Contract, contractOf, type OpenApiDocument } from "./support/contract";
import { useHarness } from "./support/use-harness";

const JSON_TYPE = "application/json; charset=UTF-8";

describe("the REST contract validator (pglite)", () => {
  const harness = useHarness({ kind: "pglite" });
  let contract: Contract | undefined;
  const load = async () => {
    contract ??= await contractOf(() => harness().app.request("/v1/openapi.json"));
    return contract;
  };

  test("a client as GET /v1/clients/{id} answers it passes, onboarding null included", async () => {
    const h = harness();
    const detail = await h.request<Record<string, unknown>>("GET", `/v1/clients/${h.acme.id}`);
    expect(detail.status).toBe(200);
    // Verified by the harness's onboarding, so the link is gone: the case the document used to forbid.
    expect(detail.body.onboarding).toBeNull();
    const c = await load();
    expect(c.check("GET", `/v1/clients/${h.acme.id}`, 200, JSON_TYPE, detail.text)).toBeUndefined();
  });

  test("a body that drifts from the schema is refused, naming the field", async () => {
    const h = harness();
    const c = await load();
    const detail = (await h.request<Record<string, unknown>>("GET", `/v1/clients/${h.acme.id}`)).body;
    const drifted = JSON.stringify({ ...detail, onboarding: 42, connections: undefined });
    expect(c.check("GET", `/v1/clients/${h.acme.id}`, 200, JSON_TYPE, drifted)).toEqual({
      operation: "GET /v1/clients/{id}",
      status: 200,
      problem: expect.stringMatching(/body must have required property 'connections'.*body\/onboarding/),
    });
  });

  test("an undocumented status, a non-JSON body and a malformed envelope are violations", async () => {
    const c = await load();
    expect(c.check("GET", "/v1/clients", 418, JSON_TYPE, "{}")).toMatchObject({
      operation: "GET /v1/clients",
      problem: "status 418 is not documented",
    });
    expect(c.check("GET", "/v1/clients", 200, "text/plain", "ok")).toMatchObject({
      problem: "content-type text/plain",
    });
    expect(
      c.check("DELETE", "/v1/clients/cli_x/schedules/sch_y", 404, JSON_TYPE, '{"error":{"code":"NOPE"}}'),
    ).toMatchObject({ operation: "DELETE /v1/clients/{id}/schedules/{scheduleId}", status: 404 });
  });

  test("routes outside the document (MCP, health, onboarding pages) are not its business", async () => {
    const c = await load();
    for (const path of ["/mcp", "/health/ready", "/onboard/abc", "/v1/openapi.json"]) {
      expect(c.check("GET", path, 500, "text/plain", "x"), path).toBeUndefined();
    }
  });

  test("the harness request throws on a violation, so every suite enforces the contract", async () => {
    const h = harness();
    const document = (await (await h.app.request("/v1/openapi.json")).json()) as OpenApiDocument;
    // The served document is what the validator compiles: every operation's 200/201 has a schema.
    const missing = Object.entries(document.paths).flatMap(([path, item]) =>
      Object.entries(item)
        .filter(([, op]) => !Object.entries(op.responses).some(([s, r]) => s.startsWith("2") && r.content))
        .map(([method]) => `${method} ${path}`),
    );
    expect(missing).toEqual([]);
    const c = await load();
    expect(() =>
      c.assert(
        "GET",
        "/v1/clients",
        { status: 200, headers: new Headers({ "content-type": JSON_TYPE }) },
        "[]",
      ),
    ).toThrow(/^REST contract: GET \/v1\/clients answered 200: body must be object/);
  });
});
