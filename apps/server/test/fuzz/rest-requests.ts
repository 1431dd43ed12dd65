// Requests for every operation of the served OpenAPI document: path parameters (the two tenants' real
// ids, unknown ids, hostile segments), query parameters and bodies derived from the documented schemas,
// valid-ish or mutated.
import fc from "fast-check";
import type { Tenant } from "../harness";
import { deepObjectJson, hostileSegment, hostileString, hostileValue } from "./hostile";
import { deref, type JsonSchema, mutated, type Resolve, validish } from "./schema-arbitrary";

interface Parameter {
  name: string;
  in: "path" | "query" | "header";
  required?: boolean;
  schema?: JsonSchema;
}

export interface Operation {
  operationId: string;
  method: string;
  template: string;
  parameters: Parameter[];
  body?: { required: boolean; schema: JsonSchema };
}

export interface Document {
  paths: Record<
    string,
    Record<
      string,
      {
        operationId: string;
        parameters?: Parameter[];
        requestBody?: { required?: boolean; content: Record<string, { schema: JsonSchema }> };
      }
    >
  >;
  components: { schemas: Record<string, JsonSchema> };
}

export interface FuzzRequest {
  operationId: string;
  method: string;
  path: string;
  params: Record<string, string>;
  headers: Record<string, string>;
  body?: unknown;
  rawBody?: string;
  /** Set when the schema alone forbids the body: the field the 400 must name. */
  mustReject?: string;
  mutation?: string;
}

export function operationsOf(document: Document): Operation[] {
  return Object.entries(document.paths).flatMap(([template, item]) =>
    Object.entries(item).map(([method, op]) => {
      const schema = op.requestBody?.content["application/json"]?.schema;
      return {
        operationId: op.operationId,
        method: method.toUpperCase(),
        template,
        parameters: op.parameters ?? [],
        ...(schema ? { body: { required: op.requestBody?.required ?? false, schema } } : {}),
      };
    }),
  );
}

export const resolverOf =
  (document: Document): Resolve =>
  (ref) => {
    const schema = document.components.schemas[ref.replace("#/components/schemas/", "")];
    if (!schema) throw new Error(`no schema ${ref}`);
    return schema;
  };

export interface World {
  tenants: [Tenant, Tenant];
  /** Clients the fuzzer may delete: deleting a harness tenant would blunt every later run. */
  scratchIds: string[];
}

const UNKNOWN = { id: "cli_00000000000000000000000000", keyId: "key_00000000000000000000000000" };

function pathParam(op: Operation, name: string, world: World): fc.Arbitrary<string> {
  const [acme, globex] = world.tenants;
  const real: Record<string, string[]> = {
    id: op.operationId === "deleteClient" ? world.scratchIds : [acme.id, globex.id],
    keyId: [acme.keyId, globex.keyId],
  };
  const known = real[name] ?? [];
  return fc.oneof(
    {
      weight: 4,
      arbitrary: known.length ? fc.constantFrom(...known) : fc.stringMatching(/^[a-z]{3}_[0-9a-z]{26}$/),
    },
    { weight: 1, arbitrary: fc.constant(name === "keyId" ? UNKNOWN.keyId : UNKNOWN.id) },
    { weight: 3, arbitrary: hostileSegment() },
  );
}

/** Header values must be ISO-8859-1 without CR/LF/NUL, or fetch refuses them before the server does. */
const headerValue = (schema: JsonSchema | undefined) =>
  fc.oneof(
    validish(schema ?? { type: "string" }).map(String),
    hostileString().map((s) => s.replace(/[^\x20-\x7e]/g, "?").trim() || "x"),
  );

function queryArbitrary(op: Operation, resolve: Resolve) {
  const query = op.parameters.filter((p) => p.in === "query");
  const entries = query.map((p) =>
    fc.option(
      fc.oneof(
        validish(p.schema ?? {}, resolve).map((v) => [[p.name, String(v)]]),
        hostileString().map((v) => [[p.name, v]]),
        // A repeated parameter: `?limit=1&limit=x`.
        fc.tuple(hostileString(), hostileString()).map(([a, b]) => [
          [p.name, a],
          [p.name, b],
        ]),
      ),
      { nil: [] as string[][] },
    ),
  );
  const extra = fc.option(
    fc.tuple(fc.constantFrom("fuzz", "__proto__", "id"), hostileString()).map(([k, v]) => [[k, v]]),
    { nil: [] as string[][] },
  );
  return fc.tuple(fc.tuple(...entries), extra).map(([chosen, more]) => {
    const search = new URLSearchParams();
    for (const pairs of [...chosen, more])
      for (const [k, v] of pairs as string[][]) search.append(k as string, v as string);
    const text = search.toString();
    return text ? `?${text}` : "";
  });
}

type Body = Pick<FuzzRequest, "body" | "rawBody" | "mustReject" | "mutation">;

/** Replaces one value anywhere inside the documented example with a hostile one. */
function mutatedExample(example: unknown): fc.Arbitrary<Body> {
  const paths: (string | number)[][] = [];
  const walk = (value: unknown, path: (string | number)[]) => {
    paths.push(path);
    if (Array.isArray(value)) for (const [i, v] of value.entries()) walk(v, [...path, i]);
    else if (value && typeof value === "object")
      for (const [k, v] of Object.entries(value)) walk(v, [...path, k]);
  };
  walk(example, []);
  return fc.tuple(fc.constantFrom(...paths.filter((p) => p.length)), hostileValue()).map(([path, value]) => {
    const copy = structuredClone(example) as Record<string | number, unknown>;
    let node = copy;
    for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
    node[path.at(-1) as string | number] = value;
    return { body: copy, mutation: `example with ${path.join(".")} hostile` };
  });
}

function bodyArbitrary(op: Operation, resolve: Resolve): fc.Arbitrary<Body> {
  if (!op.body) {
    if (op.method === "GET") return fc.constant({});
    return fc.oneof(
      fc.constant({}),
      hostileValue().map((body) => ({ body, mutation: "a body where none is read" })),
    );
  }
  const schema = deref(op.body.schema, resolve);
  const options: fc.WeightedArbitrary<Body>[] = [
    { weight: 3, arbitrary: validish(schema, resolve).map((body) => ({ body })) },
    {
      weight: 4,
      arbitrary: mutated(schema, resolve).map((m) => ({
        body: m.value,
        mutation: m.mutation,
        ...(m.mustReject ? { mustReject: m.mustReject } : {}),
      })),
    },
    { weight: 1, arbitrary: hostileValue().map((body) => ({ body, mutation: "hostile body" })) },
    {
      weight: 1,
      arbitrary: fc
        .oneof(
          fc.constantFrom(
            "{",
            '{"a":',
            "nul\u0000l",
            "[1,]",
            "\uFEFF{}",
            '{"a":"\\u0000"}',
            '{"a":"\\ud800"}',
          ),
          fc.integer({ min: 1, max: 6_000 }).map(deepObjectJson),
        )
        .map((rawBody) => ({ rawBody, mutation: "raw body" })),
    },
  ];
  if (schema.example !== undefined) options.push({ weight: 3, arbitrary: mutatedExample(schema.example) });
  if (!op.body.required) options.push({ weight: 1, arbitrary: fc.constant({}) });
  return fc.oneof(...options);
}

export function requestArbitrary(op: Operation, resolve: Resolve, world: World): fc.Arbitrary<FuzzRequest> {
  const pathNames = op.parameters.filter((p) => p.in === "path").map((p) => p.name);
  const headers = op.parameters.filter((p) => p.in === "header");
  return fc
    .record({
      params: fc.record(Object.fromEntries(pathNames.map((n) => [n, pathParam(op, n, world)]))),
      query: queryArbitrary(op, resolve),
      headers: fc.record(Object.fromEntries(headers.map((h) => [h.name, headerValue(h.schema)])), {
        requiredKeys: [],
      }),
      body: bodyArbitrary(op, resolve),
    })
    .map(({ params, query, headers, body }) => {
      const path = pathNames.reduce((p, n) => p.replace(`{${n}}`, params[n] as string), op.template);
      return {
        operationId: op.operationId,
        method: op.method,
        path: `${path}${query}`,
        params,
        headers: headers as Record<string, string>,
        ...body,
      };
    });
}

/** Names a refusal of this request may use: its parameters, the body, the body's and sent keys. */
export function fieldsOf(op: Operation, resolve: Resolve, request: FuzzRequest): Set<string> {
  const schema = op.body ? deref(op.body.schema, resolve) : {};
  const body = request.rawBody === undefined ? request.body : parseOrUndefined(request.rawBody);
  const sentKeys = body && typeof body === "object" ? Object.keys(body) : [];
  const queryKeys = [...new URLSearchParams(request.path.split("?")[1] ?? "").keys()];
  return new Set([
    "body",
    ...op.parameters.map((p) => p.name),
    ...Object.keys(schema.properties ?? {}),
    // A loose schema (the policy document) documents its fields through its example.
    ...(schema.example && typeof schema.example === "object" ? Object.keys(schema.example) : []),
    ...sentKeys,
    ...queryKeys,
  ]);
}

function parseOrUndefined(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
