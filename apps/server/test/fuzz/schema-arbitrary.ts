// JSON Schema (the subset the OpenAPI document and the MCP tools' inputSchemas use) → fast-check
// arbitraries: values that should pass the schema ("valid-ish": the schema cannot express every rule,
// e.g. an End after its Start), and mutations of such values. A mutation that the schema alone
// forbids (a missing required field, an unknown key, a number out of range, a value outside an enum)
// carries `mustReject`: the field the server's refusal has to name.
//
// Hand-written rather than a JSON-Schema-to-fast-check package: the one on npm is a 0.0.x release, and
// the mutations (the point of this suite) would have to be written here anyway.
import fc from "fast-check";
import { deepArray, hostileValue } from "./hostile";

export interface JsonSchema {
  $ref?: string;
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  uniqueItems?: boolean;
  pattern?: string;
  format?: string;
  example?: unknown;
  default?: unknown;
}

export type Resolve = (ref: string) => JsonSchema;

export interface Mutated {
  value: Record<string, unknown>;
  /** What was changed, for the failure report. */
  mutation: string;
  /** Dotted path of the field the schema forbids, when the schema alone guarantees a refusal. */
  mustReject?: string;
}

const noRefs: Resolve = (ref) => {
  throw new Error(`unresolved $ref ${ref}`);
};

export function deref(schema: JsonSchema, resolve: Resolve = noRefs): JsonSchema {
  return schema.$ref ? deref(resolve(schema.$ref), resolve) : schema;
}

const typeOf = (schema: JsonSchema) => (Array.isArray(schema.type) ? schema.type[0] : schema.type);

function stringArbitrary(schema: JsonSchema): fc.Arbitrary<string> {
  const max = Math.min(schema.maxLength ?? 60, 60);
  const min = Math.min(schema.minLength ?? 0, max);
  const fits = (s: string) => s.length >= (schema.minLength ?? 0) && s.length <= (schema.maxLength ?? 4096);
  if (schema.format === "email") return fc.emailAddress().filter(fits);
  if (schema.format === "date-time")
    return fc
      .date({
        min: new Date("2026-01-01T00:00:00Z"),
        max: new Date("2030-01-01T00:00:00Z"),
        noInvalidDate: true,
      })
      .map((d) => d.toISOString());
  if (schema.pattern) {
    try {
      return fc.stringMatching(new RegExp(schema.pattern)).filter(fits);
    } catch {
      // A pattern fast-check cannot generate from: plain strings, mostly refused, still fuzz the field.
    }
  }
  return fc.string({ minLength: min, maxLength: max });
}

/** Values the schema accepts (as far as JSON Schema can say), the documented example among them. */
export function validish(schema: JsonSchema, resolve: Resolve = noRefs): fc.Arbitrary<unknown> {
  const s = deref(schema, resolve);
  const generated = generate(s, resolve);
  return s.example !== undefined ? fc.oneof(fc.constant(s.example), generated) : generated;
}

function generate(s: JsonSchema, resolve: Resolve): fc.Arbitrary<unknown> {
  if (s.const !== undefined) return fc.constant(s.const);
  if (s.enum) return fc.constantFrom(...s.enum);
  const alternatives = s.anyOf ?? s.oneOf;
  if (alternatives) return fc.oneof(...alternatives.map((a) => validish(a, resolve)));
  switch (typeOf(s)) {
    case "string":
      return stringArbitrary(s);
    case "integer":
      return fc.integer({ min: s.minimum ?? -1_000, max: s.maximum ?? 1_000_000 });
    case "number":
      return fc.double({
        min: s.minimum ?? -1e6,
        max: s.maximum ?? 1e6,
        noNaN: true,
        noDefaultInfinity: true,
      });
    case "boolean":
      return fc.boolean();
    case "null":
      return fc.constant(null);
    case "array": {
      const item = validish(s.items ?? {}, resolve);
      const constraints = { minLength: s.minItems ?? 0, maxLength: Math.min(s.maxItems ?? 4, 4) };
      return s.uniqueItems
        ? fc.uniqueArray(item, { ...constraints, selector: (v) => JSON.stringify(v) })
        : fc.array(item, constraints);
    }
    case "object": {
      const properties = s.properties ?? {};
      if (Object.keys(properties).length === 0)
        return fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue());
      const record = Object.fromEntries(
        Object.entries(properties).map(([key, child]) => [key, validish(child, resolve)]),
      );
      return fc.record(record, { requiredKeys: s.required ?? [] });
    }
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

/** Every object schema reachable through properties (not through arrays), with its path. */
function objectNodes(schema: JsonSchema, resolve: Resolve, path: string[] = []): [string[], JsonSchema][] {
  const s = deref(schema, resolve);
  if (typeOf(s) !== "object" || path.length > 3) return [];
  return [
    [path, s],
    ...Object.entries(s.properties ?? {}).flatMap(([key, child]) =>
      objectNodes(child, resolve, [...path, key]),
    ),
  ];
}

function setAt(
  root: Record<string, unknown>,
  path: string[],
  apply: (node: Record<string, unknown>) => void,
) {
  let node = root;
  for (const key of path) {
    const next = node[key];
    node[key] = next && typeof next === "object" && !Array.isArray(next) ? { ...next } : {};
    node = node[key] as Record<string, unknown>;
  }
  apply(node);
}

type Change = { mutation: string; mustReject?: string; apply(node: Record<string, unknown>): void };

/** The changes one object schema allows: each forbidden by the schema, or hostile for the field. */
function changesOf(
  s: JsonSchema,
  resolve: Resolve,
  path: string[],
  maxDepth: number,
): fc.Arbitrary<Change>[] {
  const at = (key: string) => [...path, key].join(".");
  const properties = Object.entries(s.properties ?? {}).map(([k, v]) => [k, deref(v, resolve)] as const);
  const keys = properties.map(([k]) => k);
  const changes: fc.Arbitrary<Change>[] = [];
  const required = s.required ?? [];
  if (required.length)
    changes.push(
      fc.constantFrom(...required).map((key) => ({
        mutation: `drop required ${at(key)}`,
        mustReject: at(key),
        apply: (node) => delete node[key],
      })),
    );
  changes.push(
    fc.tuple(fc.stringMatching(/^[a-z][a-z_]{2,12}$/), hostileValue()).map(([suffix, value]) => {
      const key = `fuzz_${suffix}`;
      return {
        mutation: `add unknown ${at(key)}`,
        ...(s.additionalProperties === false ? { mustReject: at(key) } : {}),
        apply: (node: Record<string, unknown>) => {
          node[key] = value;
        },
      };
    }),
  );
  if (keys.length) {
    changes.push(
      fc.tuple(fc.constantFrom(...keys), hostileValue()).map(([key, value]) => ({
        mutation: `hostile ${at(key)}`,
        apply: (node) => {
          node[key] = value;
        },
      })),
      fc.tuple(fc.constantFrom(...keys), fc.integer({ min: 1, max: maxDepth })).map(([key, depth]) => ({
        mutation: `${at(key)} nested ${depth} deep`,
        apply: (node) => {
          node[key] = deepArray(depth);
        },
      })),
    );
  }
  const bounded = properties.filter(
    ([, p]) =>
      (typeOf(p) === "integer" || typeOf(p) === "number") &&
      (p.maximum !== undefined || p.minimum !== undefined),
  );
  if (bounded.length)
    changes.push(
      fc
        .tuple(fc.constantFrom(...bounded), fc.boolean(), fc.integer({ min: 1, max: 1e9 }))
        .map(([[key, p], above, by]) => {
          const value =
            above && p.maximum !== undefined ? p.maximum + by : (p.minimum ?? (p.maximum as number)) - by;
          return {
            mutation: `${at(key)} out of range (${value})`,
            mustReject: at(key),
            apply: (node) => {
              node[key] = value;
            },
          };
        }),
    );
  const enums = properties.filter(([, p]) => p.enum);
  if (enums.length)
    changes.push(
      fc.tuple(fc.constantFrom(...enums), fc.stringMatching(/^zz-[a-z]{1,10}$/)).map(([[key], value]) => ({
        mutation: `${at(key)} not in its enum (${value})`,
        mustReject: at(key),
        apply: (node) => {
          node[key] = value;
        },
      })),
    );
  const typed = properties.filter(([, p]) =>
    ["string", "integer", "number", "boolean", "array"].includes(typeOf(p) ?? ""),
  );
  if (typed.length)
    changes.push(
      fc.constantFrom(...typed).map(([key, p]) => {
        // A plain object is never a string, number, boolean or array, whatever preprocessing a tool does.
        const value = { fuzz: typeOf(p) };
        return {
          mutation: `${at(key)} as an object`,
          mustReject: at(key),
          apply: (node) => {
            node[key] = value;
          },
        };
      }),
    );
  return changes;
}

/** A valid-ish object with one change somewhere in it (a top-level or nested object field). */
export function mutated(
  schema: JsonSchema,
  resolve: Resolve = noRefs,
  /** How deep a nested-value mutation goes (a client that serialises with JSON.stringify stops near 5,000). */
  maxDepth = 6_000,
): fc.Arbitrary<Mutated> {
  const base = validish(schema, resolve) as fc.Arbitrary<Record<string, unknown>>;
  const nodes = objectNodes(schema, resolve);
  const change = fc.oneof(
    ...nodes.flatMap(([path, node]) =>
      changesOf(node, resolve, path, maxDepth).map((c) => c.map((x) => ({ path, ...x }))),
    ),
  );
  return fc.tuple(base, change).map(([value, c]) => {
    const copy = { ...value };
    setAt(copy, c.path, c.apply);
    return { value: copy, mutation: c.mutation, ...(c.mustReject ? { mustReject: c.mustReject } : {}) };
  });
}
