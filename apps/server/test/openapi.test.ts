// The generated OpenAPI document: a structurally valid 3.1 document that lists exactly the /v1 admin
// operations (the /docs page that renders it is tested in test/docs/).
import { describe, expect, test } from "vitest";
import { PUBLIC_BASE_URL } from "./harness";
import { ALL_ROUTES } from "./support/routes";
import { useHarness } from "./support/use-harness";

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

interface Operation {
  operationId?: string;
  summary?: string;
  security?: Record<string, string[]>[];
  parameters?: { name: string; in: string; required?: boolean; schema?: JsonObject }[];
  requestBody?: { content: Record<string, { schema: JsonObject }> };
  responses: Record<string, { description: string; content?: Record<string, { schema: JsonObject }> }>;
}

interface Document {
  openapi: string;
  info: { title: string; version: string };
  servers: { url: string }[];
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, JsonObject>; securitySchemes: Record<string, JsonObject> };
}

/** Operations added with the MCP work (audit schedules); the ROUTES table holds the onboarding API's. */
const SCHEDULE_OPERATIONS = [
  ["listSchedules", "GET", "/v1/clients/{id}/schedules"],
  ["cancelSchedule", "DELETE", "/v1/clients/{id}/schedules/{scheduleId}"],
  ["listScheduleDeliveries", "GET", "/v1/clients/{id}/schedules/{scheduleId}/deliveries"],
];

/** Query parameters that are free text by nature (checked for control characters and bounds only). */
const FREE_TEXT = ["GET /v1/clients query search"];

const METHODS = ["get", "put", "post", "delete", "patch", "head", "options", "trace"];

function operationsOf(document: Document) {
  return Object.entries(document.paths).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([method]) => METHODS.includes(method))
      .map(([method, operation]) => ({ path, method, operation })),
  );
}

/** Every JSON pointer `$ref` in the document, and every `nullable` keyword (a 3.0-ism invalid in 3.1). */
function walk(value: Json, at: string, found: { refs: string[]; nullable: string[] }) {
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) walk(item, `${at}/${i}`, found);
  } else if (value && typeof value === "object") {
    for (const [key, child] of Object.entries(value)) {
      if (key === "$ref" && typeof child === "string") found.refs.push(child);
      if (key === "nullable") found.nullable.push(at);
      walk(child, `${at}/${key}`, found);
    }
  }
  return found;
}

function resolvePointer(document: Json, ref: string): Json | undefined {
  if (!ref.startsWith("#/")) return undefined;
  let node: Json | undefined = document;
  for (const raw of ref.slice(2).split("/")) {
    const key = raw.replaceAll("~1", "/").replaceAll("~0", "~");
    node = node && typeof node === "object" && !Array.isArray(node) ? node[key] : undefined;
  }
  return node;
}

describe("OpenAPI document", () => {
  const harness = useHarness({ kind: "postgres" });

  async function fetchDocument() {
    const response = await harness().request<Document>("GET", "/v1/openapi.json", { token: null });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^application\/json/);
    return response.body;
  }

  test("GET /v1/openapi.json is an OpenAPI 3.1 document describing this server", async () => {
    const document = await fetchDocument();
    expect(document.openapi).toBe("3.1.0");
    expect(document.info).toMatchObject({ title: "Tag Compliance Cloud", version: "0.1.0" });
    expect(document.servers).toEqual([{ url: PUBLIC_BASE_URL }]);
    expect(document.components.securitySchemes.adminBearer).toMatchObject({ type: "http", scheme: "bearer" });
  });

  test("it lists every /v1 admin operation, each with its operationId, method and path, and nothing else", async () => {
    const document = await fetchDocument();
    const listed = operationsOf(document).map(({ path, method, operation }) => [
      operation.operationId,
      method.toUpperCase(),
      path,
    ]);
    const expected = [
      ...ALL_ROUTES.map((route) => [route.operationId, route.method, route.template]),
      ...SCHEDULE_OPERATIONS,
    ];
    const byId = (a: (string | undefined)[], b: (string | undefined)[]) =>
      String(a[0]).localeCompare(String(b[0]));
    expect(listed.sort(byId)).toEqual(expected.sort(byId));
    expect(new Set(listed.map(([id]) => id)).size).toBe(listed.length);
  });

  test("every operation is secured, documents its errors, and declares its path parameters", async () => {
    const document = await fetchDocument();
    for (const { path, method, operation } of operationsOf(document)) {
      const where = `${method.toUpperCase()} ${path}`;
      expect(operation.security, where).toEqual([{ adminBearer: [] }]);
      expect(operation.summary, where).toEqual(expect.any(String));
      for (const status of ["400", "401", "403", "500"]) {
        expect(
          operation.responses[status]?.content?.["application/json"]?.schema,
          `${where} ${status}`,
        ).toEqual({
          $ref: "#/components/schemas/Error",
        });
      }
      for (const [status, response] of Object.entries(operation.responses)) {
        expect(response.description, `${where} ${status}`).toEqual(expect.any(String));
      }
      const placeholders = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
      const pathParams = (operation.parameters ?? []).filter((p) => p.in === "path");
      expect(pathParams.map((p) => p.name).sort(), where).toEqual(placeholders.sort());
      for (const param of pathParams) expect(param.required, `${where} ${param.name}`).toBe(true);
      if (placeholders.includes("id")) expect(operation.responses["404"], where).toBeDefined();
    }
  });

  test("every path and query parameter is bounded in charset and length (the shared param schemas)", async () => {
    const document = await fetchDocument();
    for (const { path, method, operation } of operationsOf(document)) {
      for (const param of (operation.parameters ?? []).filter((p) => p.in === "path" || p.in === "query")) {
        const where = `${method.toUpperCase()} ${path} ${param.in} ${param.name}`;
        const schema = param.schema ?? {};
        if (Array.isArray(schema.enum)) continue;
        if (schema.type === "integer") {
          expect(schema.maximum, where).toEqual(expect.any(Number));
          continue;
        }
        expect(schema.pattern, where).toMatch(/^\^.*\$$/);
        const pattern = new RegExp(String(schema.pattern));
        if (FREE_TEXT.includes(where)) {
          // A name search has spaces; it still refuses control characters and quotes, and is bounded.
          for (const bad of ["a\u0000b", "a\nb", "a'b"])
            expect(pattern.test(bad), `${where} ${bad}`).toBe(false);
          expect(schema.maxLength, where).toEqual(expect.any(Number));
          continue;
        }
        // No NUL, control character, quote or space gets through, and nothing unbounded.
        for (const bad of ["a\u0000b", "a\nb", "a'b", "a b", "a%00"])
          expect(pattern.test(bad), `${where} ${bad}`).toBe(false);
        const long = "A".repeat(1000);
        expect(typeof schema.maxLength === "number" || !pattern.test(long), where).toBe(true);
      }
    }
  });

  test("every $ref resolves, and no schema uses the 3.0 `nullable` keyword", async () => {
    const document = await fetchDocument();
    const found = walk(document as unknown as Json, "#", { refs: [], nullable: [] });
    expect(found.refs.length).toBeGreaterThan(10);
    const broken = found.refs.filter((ref) => resolvePointer(document as unknown as Json, ref) === undefined);
    expect(broken).toEqual([]);
    expect(found.nullable).toEqual([]);
    expect(document.components.schemas.Error).toBeDefined();
  });

  test("request bodies are the strict schemas: unknown fields are rejected", async () => {
    const document = await fetchDocument();
    const register = document.paths["/v1/clients"]?.post?.requestBody?.content["application/json"]?.schema;
    const schema = (
      register?.$ref ? resolvePointer(document as unknown as Json, String(register.$ref)) : register
    ) as JsonObject | undefined;
    expect(schema).toMatchObject({
      type: "object",
      additionalProperties: false,
      required: ["name", "contact_email", "tier"],
    });
  });
});
