// The REST contract, checked on every response a suite receives: each /v1 answer must be a status the
// OpenAPI document lists for its operation, with a JSON body its schema accepts (ajv, JSON Schema
// 2020-12 as OpenAPI 3.1 uses). Installed in the harnesses (harness.ts, the MCP harness's REST calls,
// the e2e suite), so a handler that drifts from the document fails the test that exercised it.
import { Ajv2020, type ValidateFunction } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
interface Operation {
  responses: Record<string, { content?: Record<string, { schema: Json }> }>;
}
export interface OpenApiDocument {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Json> };
}

const COMPONENTS = "https://tagc.test/openapi/components";
// ajv-formats is CommonJS with a default export; under NodeNext its namespace is the module object.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ??
  addFormatsModule) as unknown as (ajv: Ajv2020) => Ajv2020;

/** Local component refs, rewritten to point at the one registered components schema. */
function rewriteRefs(value: Json): Json {
  if (Array.isArray(value)) return value.map(rewriteRefs);
  if (!value || typeof value !== "object") return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, child]) =>
      key === "$ref" && typeof child === "string" && child.startsWith("#/components/schemas/")
        ? [key, `${COMPONENTS}#/$defs/${child.slice("#/components/schemas/".length)}`]
        : [key, rewriteRefs(child)],
    ),
  );
}

interface CompiledOperation {
  method: string;
  template: string;
  pattern: RegExp;
  responses: Map<string, ValidateFunction | undefined>;
}

export interface ContractViolation {
  operation: string;
  status: number;
  problem: string;
}

export function createContract(document: OpenApiDocument) {
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  addFormats(ajv);
  ajv.addSchema({ $id: COMPONENTS, $defs: rewriteRefs(document.components.schemas as Json) });
  const operations: CompiledOperation[] = Object.entries(document.paths).flatMap(([template, item]) =>
    Object.entries(item).map(([method, operation]) => ({
      method: method.toUpperCase(),
      template,
      pattern: new RegExp(`^${template.replace(/\{\w+\}/g, "[^/]+")}$`),
      responses: new Map(
        Object.entries(operation.responses).map(([status, response]) => {
          const schema = response.content?.["application/json"]?.schema;
          return [status, schema === undefined ? undefined : ajv.compile(rewriteRefs(schema) as object)];
        }),
      ),
    })),
  );

  /** The violation, if any, of one response; responses of routes outside the document pass. */
  function check(method: string, url: string, status: number, contentType: string | null, text: string) {
    const path = new URL(url, "http://contract").pathname;
    const operation = operations.find((op) => op.method === method.toUpperCase() && op.pattern.test(path));
    if (!operation) return undefined;
    const name = `${operation.method} ${operation.template}`;
    const violation = (problem: string): ContractViolation => ({ operation: name, status, problem });
    const key = operation.responses.has(String(status)) ? String(status) : "default";
    if (!operation.responses.has(key)) return violation(`status ${status} is not documented`);
    const validate = operation.responses.get(key);
    if (!validate) return undefined;
    if (!contentType?.startsWith("application/json")) return violation(`content-type ${contentType}`);
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      return violation("the body is not JSON");
    }
    if (validate(body)) return undefined;
    return violation(ajv.errorsText(validate.errors, { dataVar: "body" }));
  }

  return {
    check,
    /** Throws, naming the operation, status and schema error, when the response breaks the contract. */
    assert(method: string, url: string, response: { status: number; headers: Headers }, text: string) {
      const found = check(method, url, response.status, response.headers.get("content-type"), text);
      if (found) {
        throw new Error(
          `REST contract: ${found.operation} answered ${found.status}: ${found.problem}\n${text.slice(0, 500)}`,
        );
      }
    },
  };
}

export type Contract = ReturnType<typeof createContract>;

/** The contract of a running app, from the document it serves. */
export async function contractOf(fetchDocument: () => Promise<Response> | Response): Promise<Contract> {
  const response = await fetchDocument();
  return createContract((await response.json()) as OpenApiDocument);
}
