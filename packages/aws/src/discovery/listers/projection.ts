// Reads only the fields a lister uses out of a large list response. The SDK's deserializer walks its
// output schema, every member of every item (an EC2 Instance has ~60, most of them nested structures),
// whatever the caller reads: for DescribeInstances, DescribeVolumes, DescribeSnapshots and
// DescribeDBInstances that walk was most of a cold scan's XML cost. Here the command carries a copy of
// its operation schema whose output keeps only the named members, so the SDK's own deserializer
// (dates, entities, one-item lists, errors: all unchanged) reads those and skips the rest. The request
// is serialized from the untouched input schema.
//
// The output's TypeScript type is still the SDK's full one: a member left out of the projection is
// simply absent at run time, so each projection lists exactly what its lister reads.
//
// JSON protocols only, a member projected "raw" is handed over as JSON.parse left it: the SDK's JSON
// deserializer walks a list of structures item by item, building a fresh object per structure (for
// GetResources: 100 mappings and their tags per page, the scan's largest JSON walk), and a string
// target makes it return the value untouched. Only for members whose parsed JSON already is what the
// SDK would build (strings, lists and structures of strings, no timestamps, blobs or renamed members);
// one difference remains, a null inside the value stays null where the SDK leaves the member out.

import type { WithMiddlewareStack } from "../middleware-stack";
/**
 * Members to keep; `true` keeps a member whole, an object projects a nested structure (or list items),
 * `"raw"` keeps a member of a JSON response as parsed, unwalked.
 */
export interface Projection {
  readonly [member: string]: true | "raw" | Projection;
}

type CommandStack = WithMiddlewareStack<"initialize">;

// @smithy/types SMITHY_CONTEXT_KEY: where the schema middlewares read the operation schema, per send.
const SMITHY_CONTEXT = "__smithy_context";
const STRUCTURE = 3;
const LIST = 1;
const OPERATION = 9;
const STRING = 0;

const deref = (ref: unknown): unknown => (typeof ref === "function" ? (ref as () => unknown)() : ref);

/** The schema `ref` points at (a member `[target, traits]`, a thunk, a list or a structure), projected. */
function projectRef(ref: unknown, projection: Projection, path: string): unknown {
  const schema = deref(ref);
  if (!Array.isArray(schema)) throw new TypeError(`projection: ${path} is not a structure or a list`);
  // A member schema: [target, member traits].
  if (schema.length === 2) return [projectRef(schema[0], projection, path), schema[1]];
  const [kind, namespace, name, traits] = schema;
  if (kind === LIST) return [LIST, namespace, name, traits, projectRef(schema[4], projection, `${path}[]`)];
  if (kind !== STRUCTURE) throw new TypeError(`projection: ${path} is not a structure or a list`);
  const names = schema[4] as string[];
  const members = schema[5] as unknown[];
  const keptNames: string[] = [];
  const keptMembers: unknown[] = [];
  for (const [member, inner] of Object.entries(projection)) {
    const index = names.indexOf(member);
    // A misspelt member would silently read as absent: fail at once instead.
    if (index < 0) throw new TypeError(`projection: ${name} has no member ${member}`);
    keptNames.push(member);
    keptMembers.push(
      inner === true
        ? members[index]
        : inner === "raw"
          ? asParsed(members[index])
          : projectRef(members[index], inner, `${path}.${member}`),
    );
  }
  return [STRUCTURE, namespace, name, traits, keptNames, keptMembers];
}

/** A member retargeted to a plain string, its own traits kept: the JSON deserializer returns it as is. */
function asParsed(member: unknown): unknown {
  const schema = deref(member);
  return Array.isArray(schema) && schema.length === 2 ? [STRING, schema[1]] : STRING;
}

/**
 * A function that makes a command read only `projection` of its output. The projected schema is built
 * once, on first use, from the command's own operation schema.
 */
export function projectOutput(projection: Projection) {
  let projected: unknown;
  return <C extends { middlewareStack: object }>(command: C): C => {
    if (projected === undefined) {
      const operation = (command as { schema?: unknown }).schema;
      if (!Array.isArray(operation) || operation[0] !== OPERATION)
        throw new TypeError("projection: the command has no operation schema");
      const [, namespace, name, traits, input, output] = operation;
      projected = [OPERATION, namespace, name, traits, input, projectRef(output, projection, String(name))];
    }
    const schema = projected;
    (command as unknown as CommandStack).middlewareStack.add(
      (next, context) => (args) => {
        // The smithy context is built afresh for each send, so this changes nothing beyond this call.
        const smithy = (context as Record<string, { operationSchema?: unknown } | undefined>)[SMITHY_CONTEXT];
        if (smithy) smithy.operationSchema = schema;
        return next(args);
      },
      { step: "initialize", name: "tagcProjectOutput" },
    );
    return command;
  };
}
