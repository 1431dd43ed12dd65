// The attack run's REST half, in CI: every operation of the served OpenAPI document gets generated
// requests (valid-ish, mutated, hostile path and query parameters, deep and malformed bodies), as the
// admin, against two onboarded tenants. Whatever the input: never a 5xx, never internals in the answer,
// every error the one envelope, every 400 naming a field, and no answer about one tenant carrying the
// other's identifiers. Seeded (FUZZ_SEED) so a failure replays; fast-check prints seed and path.
import fc from "fast-check";
import { beforeAll, describe, expect, test } from "vitest";
import type { Harness, Tenant } from "../harness";
import { registerScratchClient } from "../support/routes";
import { useHarness } from "../support/use-harness";
import {
  expectEnvelope,
  expectNamesField,
  expectNoForeignData,
  expectNoLeak,
  FUZZ,
  failureReport,
} from "./checks";
import { deepObjectJson, jsonText } from "./hostile";
import {
  type Document,
  type FuzzRequest,
  fieldsOf,
  type Operation,
  operationsOf,
  requestArbitrary,
  resolverOf,
  type World,
} from "./rest-requests";
import { deref, type Resolve } from "./schema-arbitrary";

interface DeepCase {
  /** An index, not the tenant: a counterexample is printed, and a tenant holds its API key. */
  tenant: 0 | 1;
  depth: number;
  at: "body" | "field";
  shape: "array" | "object";
}

const markers = (t: Tenant) => [t.id, t.externalId, t.keyId, t.roleArn, t.name];

describe("REST fuzz over the OpenAPI document", () => {
  const harness = useHarness({ kind: "postgres" });
  let operations: Operation[];
  let resolve: Resolve;
  let world: World;

  beforeAll(async () => {
    const h = harness();
    const document = (await h.request<Document>("GET", "/v1/openapi.json", { token: null })).body;
    operations = operationsOf(document);
    resolve = resolverOf(document);
    const scratch = [await registerScratchClient(h), await registerScratchClient(h)];
    world = { tenants: h.tenants, scratchIds: scratch.map((s) => s.client.id) };
  });

  const resolveExample = (op: Operation) => (op.body ? deref(op.body.schema, resolve).example : undefined);

  async function check(h: Harness, op: Operation, request: FuzzRequest) {
    const rawBody = request.rawBody ?? jsonText(request.body);
    const response = await h.request(request.method, request.path, {
      headers: request.headers,
      ...(rawBody !== undefined ? { rawBody } : {}),
    });
    const sent = `${request.path} ${JSON.stringify(request.headers)} ${rawBody ?? ""}`;
    const where = `${request.method} ${request.path.slice(0, 200)} (${request.mutation ?? "valid-ish"}) → ${response.status}`;
    try {
      if (response.status >= 500) throw new Error(`a ${response.status}: ${response.text.slice(0, 300)}`);
      expectNoLeak(response.text, sent);
      const [acme, globex] = world.tenants;
      const target = [acme, globex].find(
        (t) => request.params.id === t.id || request.params.keyId === t.keyId,
      );
      if (target)
        expectNoForeignData(response.text, sent, markers(target === acme ? globex : acme), target.slug);
      if (response.status >= 400) {
        const envelope = expectEnvelope(response.body, response.status);
        if (response.status === 400) expectNamesField(envelope, fieldsOf(op, resolve, request));
      }
      // The schema alone forbids this body, and the route and client resolve: a 400 naming the field.
      const resolves =
        [acme.id, globex.id].includes(request.params.id ?? "") &&
        Object.values(request.params).every((p) => /^[\w-]+$/.test(p));
      if (request.mustReject && resolves) {
        // An oversized body is refused as a whole (413) before its fields are read.
        const oversized = response.status === 413;
        expect(response.status, "a body the schema forbids").toBe(oversized ? 413 : 400);
        const envelope = expectEnvelope(response.body, response.status);
        if (oversized) expect(envelope.error.message).toBe("body: larger than 256 KiB");
        else expect(envelope.error.message).toContain(request.mustReject.split(".")[0]);
      }
    } catch (error) {
      throw new Error(`${op.operationId}: ${where}: ${(error as Error).message}`);
    }
  }

  test("every operation is in the document and fuzzed", () => {
    expect(operations.length).toBeGreaterThanOrEqual(19);
  });

  test("no input reaches a 5xx, leaks internals, skips the envelope or leaks another tenant", async () => {
    const h = harness();
    const failures: string[] = [];
    // Every operation runs even when an earlier one fails: the report lists all that broke.
    for (const op of operations) {
      await fc
        .assert(
          fc.asyncProperty(requestArbitrary(op, resolve, world), (request) => check(h, op, request)),
          { seed: FUZZ.seed, numRuns: FUZZ.runs(60), endOnFailure: true },
        )
        .catch((error: Error) => failures.push(failureReport(error)));
    }
    expect(failures, failures.join("\n\n")).toEqual([]);
  }, 240_000);

  test("bodies thousands of levels deep are refused as a 4xx naming the body or a field", async () => {
    const h = harness();
    const failures: string[] = [];
    for (const op of operations.filter((o) => o.body)) {
      const example = (resolveExample(op) ?? {}) as Record<string, unknown>;
      const key = Object.keys(example)[0] ?? "fuzz";
      const deep = fc.record({
        tenant: fc.constantFrom(0 as const, 1 as const),
        depth: fc.integer({ min: 1_000, max: 8_000 }),
        // The whole body, or the first field of the documented example, nested that deep.
        at: fc.constantFrom("body" as const, "field" as const),
        shape: fc.constantFrom("array" as const, "object" as const),
      });
      const run = async ({ tenant: index, depth, at, shape }: DeepCase) => {
        const tenant = world.tenants[index];
        const nested =
          shape === "array" ? `${"[".repeat(depth)}1${"]".repeat(depth)}` : deepObjectJson(depth);
        const rawBody =
          at === "body"
            ? nested
            : JSON.stringify({ ...example, [key]: 0 }).replace(`"${key}":0`, `"${key}":${nested}`);
        const params = { id: tenant.id, keyId: tenant.keyId };
        const path = op.template.replace("{id}", params.id).replace("{keyId}", params.keyId);
        await check(h, op, {
          operationId: op.operationId,
          method: op.method,
          path,
          params,
          headers: {},
          rawBody,
          mutation: `${at} ${shape} ${depth} deep`,
        });
      };
      await fc
        .assert(fc.asyncProperty(deep, run), {
          seed: FUZZ.seed,
          numRuns: FUZZ.runs(8),
          endOnFailure: true,
          // The attack run's case on every operation: a 5,000-deep object, as the body and as a field.
          examples: [
            [{ tenant: 0, depth: 5_000, at: "body", shape: "object" }],
            [{ tenant: 1, depth: 5_000, at: "field", shape: "object" }],
          ],
        })
        .catch((error: Error) => failures.push(failureReport(error)));
    }
    expect(failures, failures.join("\n\n")).toEqual([]);
  }, 120_000);
});
