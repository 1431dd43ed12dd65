// What tools/list shows of a tool's schemas, sized for a model's context: every definition is resent
// on every turn, so all 17 together are held under 6,000 tokens (tools-list-budget test). The zod
// schemas stay the contract and validate every call; the advertised JSON Schema is a faithful but
// smaller view of them:
// - inputs show each field's canonical form: a field that also accepts a one-element list for a
//   scalar (or a lone string for a list) is shown in the form the model should send;
// - string length bounds are left out (they are safety limits the server enforces, not guidance);
// - outputs show the top-level fields with their types, not the nested shapes: the zod output schema
//   stays the full contract (and the tool descriptions say what the fields mean), while a client such
//   as the SDK's can still validate structuredContent against this frame.

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === "object" && value !== null;
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** `anyOf: [X, array of X]` → X when the list holds at most one item, else the list. */
function canonical(node: Json): Json {
  const variants = node.anyOf;
  if (!Array.isArray(variants) || variants.length !== 2) return node;
  const list = variants.find((v) => isObject(v) && v.type === "array") as Json | undefined;
  const single = variants.find((v) => v !== list) as Json | undefined;
  if (!list || !single || !same(stripped(list.items), stripped(single))) return node;
  const { anyOf: _, ...rest } = node;
  return { ...rest, ...(list.maxItems === 1 ? single : list) };
}

function stripped(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(stripped);
  if (!isObject(node)) return node;
  const out: Json = {};
  for (const [key, value] of Object.entries(node)) {
    if ((key === "minLength" || key === "maxLength") && node.type === "string") continue;
    out[key] = stripped(value);
  }
  return canonical(out);
}

export function advertisedInput(schema: Json): Json {
  return stripped(schema) as Json;
}

function typeOf(property: Json): unknown {
  if (property.type !== undefined) return property.type;
  const variants = Array.isArray(property.anyOf) ? (property.anyOf as Json[]) : [];
  const types = [...new Set(variants.flatMap((v) => (Array.isArray(v.type) ? v.type : [v.type])))];
  return types.every((t) => typeof t === "string") && types.length ? types : undefined;
}

export function advertisedOutput(schema: Json): Json {
  const properties: Json = {};
  for (const [name, property] of Object.entries((schema.properties ?? {}) as Record<string, Json>)) {
    const type = typeOf(property);
    properties[name] = type === undefined ? {} : { type };
  }
  // No $schema: MCP reads a schema without one as JSON Schema 2020-12, the dialect it is written in.
  return { type: "object", properties };
}
