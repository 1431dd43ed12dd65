import { TemplateError } from "./errors";
import { type CfnTemplate, isJsonObject, type Json } from "./types";

/**
 * Evaluates the intrinsic functions that can be resolved before a stack exists: Ref (parameters
 * and pseudo parameters), Fn::Sub, Fn::FindInMap, Fn::Join, Fn::Select and Fn::Split. Anything
 * that needs a deployed stack (Fn::GetAtt, Ref to a resource, Fn::ImportValue) or conditions
 * throws, so a template change this evaluator cannot follow fails loudly instead of producing a
 * policy that differs from what CloudFormation would create.
 */
export interface EvaluationContext {
  /** Parameter values, already checked against the template's constraints. */
  parameters: Record<string, string>;
  /** Pseudo parameters such as AWS::Partition; a missing one throws when referenced. */
  pseudo: Record<string, string>;
  mappings: NonNullable<CfnTemplate["Mappings"]>;
}

const NO_VALUE = Symbol("AWS::NoValue");
type Evaluated = Json | typeof NO_VALUE;

export function evaluate(value: Json, ctx: EvaluationContext): Json {
  const result = evaluateNode(value, ctx);
  if (result === NO_VALUE) throw new TemplateError("Ref AWS::NoValue at the top level");
  return result;
}

function evaluateNode(value: Json, ctx: EvaluationContext): Evaluated {
  if (Array.isArray(value)) {
    return value.map((item) => evaluateNode(item, ctx)).filter((item): item is Json => item !== NO_VALUE);
  }
  if (!isJsonObject(value)) return value;
  const keys = Object.keys(value);
  const only = keys.length === 1 ? keys[0] : undefined;
  if (only !== undefined && (only === "Ref" || only.startsWith("Fn::"))) {
    return evaluateFunction(only, value[only] as Json, ctx);
  }
  const out: { [key: string]: Json } = {};
  for (const key of keys) {
    const item = evaluateNode(value[key] as Json, ctx);
    // Ref AWS::NoValue removes the property, as CloudFormation does.
    if (item !== NO_VALUE) out[key] = item;
  }
  return out;
}

function evaluateFunction(fn: string, arg: Json, ctx: EvaluationContext): Evaluated {
  switch (fn) {
    case "Ref":
      return ref(asString(arg, fn), ctx);
    case "Fn::Sub":
      return sub(arg, ctx);
    case "Fn::FindInMap":
      return findInMap(arg, ctx);
    case "Fn::Join": {
      const [delimiter, list] = tuple(arg, 2, fn);
      return asStringList(evaluate(list, ctx), fn).join(asString(evaluate(delimiter, ctx), fn));
    }
    case "Fn::Select": {
      const [index, list] = tuple(arg, 2, fn);
      const items = evaluate(list, ctx);
      const position = Number(evaluate(index, ctx));
      if (!Array.isArray(items) || !Number.isInteger(position) || items[position] === undefined) {
        throw new TemplateError(`${fn}: index out of range`);
      }
      return items[position];
    }
    case "Fn::Split": {
      const [delimiter, source] = tuple(arg, 2, fn);
      return asString(evaluate(source, ctx), fn).split(asString(evaluate(delimiter, ctx), fn));
    }
    default:
      throw new TemplateError(`${fn} cannot be evaluated before the stack exists`);
  }
}

function ref(name: string, ctx: EvaluationContext): Evaluated {
  if (name === "AWS::NoValue") return NO_VALUE;
  const value = ctx.parameters[name] ?? ctx.pseudo[name];
  if (value === undefined) {
    throw new TemplateError(`Ref ${name}: not a parameter or a known pseudo parameter`);
  }
  return value;
}

// ${Name} is a variable, ${!Literal} is the literal text "${Literal}", ${Res.Attr} is GetAtt.
const SUB_VARIABLE = /\$\{([^}]*)\}/g;

function sub(arg: Json, ctx: EvaluationContext): string {
  const [template, variables] = Array.isArray(arg) ? tuple(arg, 2, "Fn::Sub") : [arg, {}];
  if (typeof template !== "string" || !isJsonObject(variables)) {
    throw new TemplateError("Fn::Sub expects a string or [string, { variables }]");
  }
  const local: Record<string, string> = {};
  for (const [name, value] of Object.entries(variables)) {
    local[name] = asString(evaluate(value, ctx), `Fn::Sub variable ${name}`);
  }
  return template.replace(SUB_VARIABLE, (_match, name: string) => {
    if (name.startsWith("!")) return "${" + name.slice(1) + "}";
    const value = local[name] ?? ctx.parameters[name] ?? ctx.pseudo[name];
    if (value === undefined) {
      throw new TemplateError(`Fn::Sub \${${name}}: not a variable, parameter or known pseudo parameter`);
    }
    return value;
  });
}

function findInMap(arg: Json, ctx: EvaluationContext): Json {
  const [mapName, topKey, secondKey] = tuple(arg, 3, "Fn::FindInMap").map((part) =>
    asString(evaluate(part, ctx), "Fn::FindInMap"),
  ) as [string, string, string];
  const value = ctx.mappings[mapName]?.[topKey]?.[secondKey];
  if (value === undefined) {
    throw new TemplateError(`Fn::FindInMap [${mapName}, ${topKey}, ${secondKey}]: no such entry`);
  }
  return value;
}

function tuple(arg: Json, length: 2, fn: string): [Json, Json];
function tuple(arg: Json, length: 3, fn: string): [Json, Json, Json];
function tuple(arg: Json, length: number, fn: string): Json[] {
  if (!Array.isArray(arg) || arg.length !== length) {
    throw new TemplateError(`${fn} expects a list of ${length} items`);
  }
  return arg;
}

// Strings only: an unquoted account id in YAML would become a number (and lose a leading zero),
// so a number where a string belongs is treated as a template bug rather than coerced.
function asString(value: Json, where: string): string {
  if (typeof value !== "string") throw new TemplateError(`${where}: expected a string`);
  return value;
}

function asStringList(value: Json, where: string): string[] {
  if (!Array.isArray(value)) throw new TemplateError(`${where}: expected a list`);
  return value.map((item) => asString(item, where));
}
