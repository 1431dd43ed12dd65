// Bad input never reaches a 500 nor the database: a 5,000-deep body is refused before parsing (400),
// an oversized one with 413, a NUL or a stray character in any path id with 400 naming the
// parameter, on REST and on /mcp (JSON-RPC errors). Two tenants: globex's data is never touched.
import { describe, expect, test } from "vitest";
import { createRuntime } from "../src/runtime";
import { snapshotDatabase } from "./support/db-state";
import { expectError, fields } from "./support/expect-error";
import { useHarness } from "./support/use-harness";

const deep = (depth: number) => `{"version":"1.0","x":${"[".repeat(depth)}1${"]".repeat(depth)}}`;
const charset = (field: string) => ({
  status: 400,
  code: "INVALID_REQUEST",
  message: `${field}: must be 1-64 letters, digits, _ or -`,
  details: fields([field, "must be 1-64 letters, digits, _ or -"]),
});

describe("bad input at the edge (postgres)", () => {
  const harness = useHarness({
    kind: "postgres",
    configure: (deps, env) => ({ ...deps, mcp: createRuntime(env, deps.logger).mcp }),
  });

  test("a 5,000-deep body on PUT …/policy is a 400 naming the body, and nothing is written", async () => {
    const h = harness();
    const before = await snapshotDatabase(h);
    const response = await h.request("PUT", `/v1/clients/${h.acme.id}/policy`, { rawBody: deep(5_000) });
    expectError(response, {
      status: 400,
      code: "INVALID_REQUEST",
      message: "body: nested deeper than 64 levels",
    });
    expect(await snapshotDatabase(h)).toEqual(before);
  });

  test("a deep body is refused on every body-taking route, even before authentication matters", async () => {
    const h = harness();
    for (const [method, path] of [
      ["POST", "/v1/clients"],
      ["POST", `/v1/clients/${h.acme.id}/api-keys`],
      ["POST", `/v1/clients/${h.acme.id}/verify`],
    ] as const) {
      const response = await h.request(method, path, { rawBody: deep(5_000) });
      expect([response.status, (response.body as { error: { message: string } }).error.message]).toEqual([
        400,
        "body: nested deeper than 64 levels",
      ]);
    }
  });

  test("an oversized body is a 413 in the envelope", async () => {
    const h = harness();
    const rawBody = JSON.stringify({ version: "1.0", pad: "x".repeat(300 * 1024) });
    expectError(await h.request("PUT", `/v1/clients/${h.acme.id}/policy`, { rawBody }), {
      status: 413,
      code: "PAYLOAD_TOO_LARGE",
      message: "body: larger than 256 KiB",
    });
  });

  test.each([
    ["a NUL schedule id", "DELETE", (id: string) => `/v1/clients/${id}/schedules/%00`, "scheduleId"],
    [
      "a schedule id with a quote",
      "DELETE",
      (id: string) => `/v1/clients/${id}/schedules/sch_'x`,
      "scheduleId",
    ],
    [
      "a 65-character schedule id",
      "DELETE",
      (id: string) => `/v1/clients/${id}/schedules/${"s".repeat(65)}`,
      "scheduleId",
    ],
    ["a NUL grant id", "DELETE", (id: string) => `/v1/clients/${id}/oauth-grants/g%00`, "grantId"],
    ["a NUL key id on rotate", "POST", (id: string) => `/v1/clients/${id}/api-keys/key_%00/rotate`, "keyId"],
  ])("%s → 400 naming the parameter, nothing written", async (_name, method, path, field) => {
    const h = harness();
    const before = await snapshotDatabase(h);
    expectError(await h.request(method, path(h.acme.id)), charset(field));
    expect(await snapshotDatabase(h)).toEqual(before);
  });

  test("a cursor with a NUL or a control character is refused by the query schema", async () => {
    const h = harness();
    for (const path of ["/v1/clients?cursor=a%00b", `/v1/clients/${h.acme.id}/audit?cursor=%0A`]) {
      expectError(await h.request("GET", path), {
        status: 400,
        code: "INVALID_REQUEST",
        message: "cursor: is not a cursor returned by this endpoint",
        details: fields(["cursor", "is not a cursor returned by this endpoint"]),
      });
    }
  });

  test("a well-formed but unknown schedule id of another tenant is a 404, not its row", async () => {
    const h = harness();
    const response = await h.request(
      "DELETE",
      `/v1/clients/${h.globex.id}/schedules/sch_01jd3k7w9m2x4q8v6r5t0b1c2d`,
    );
    expect(response.status).toBe(404);
    expect(response.text).not.toContain(h.acme.id);
  });

  describe("/mcp", () => {
    const post = async (h: ReturnType<typeof harness>, body: string) => {
      const server = await h.listen();
      try {
        const response = await fetch(`${server.url}/mcp`, {
          method: "POST",
          headers: {
            authorization: `Bearer ${h.acme.apiKey}`,
            "content-type": "application/json",
            accept: "application/json, text/event-stream",
          },
          body,
        });
        return { status: response.status, body: await response.json() };
      } finally {
        await server.close();
      }
    };

    test("a 5,000-deep JSON-RPC body is a 400 JSON-RPC error, never a crash", async () => {
      const h = harness();
      const body = `{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"x","arguments":${deep(5_000)}}}`;
      expect(await post(h, body)).toEqual({
        status: 400,
        body: {
          jsonrpc: "2.0",
          error: { code: -32600, message: "Request body nested deeper than 64 levels." },
          id: null,
        },
      });
    });

    test("a body over 1 MiB is a 413 JSON-RPC error", async () => {
      const h = harness();
      const body = JSON.stringify({
        jsonrpc: "2.0",
        id: 1,
        method: "ping",
        params: { pad: "x".repeat(1100 * 1024) },
      });
      expect(await post(h, body)).toEqual({
        status: 413,
        body: {
          jsonrpc: "2.0",
          error: { code: -32600, message: "Request body larger than 1 MiB." },
          id: null,
        },
      });
    });
  });
});
