// The intrinsic functions, evaluated the way CloudFormation does while it creates a stack: Ref to
// parameters, pseudo parameters and already-created resources, Fn::GetAtt, Fn::Sub (with ${!x}
// escapes and ${Res.Attr}), Fn::FindInMap, Fn::Join/Select/Split, conditions (Fn::If, Fn::Equals,
// Fn::Not, Fn::And, Fn::Or, Condition) and AWS::NoValue. A failure throws TemplateEvalError, which the
// engine turns into a failed resource, never a crashed request.
import { isObject, type Json, type JsonObject, type StackResource, type Template } from "./types";

export class TemplateEvalError extends Error {
  override name = "TemplateEvalError";
}

export interface EvalContext {
  template: Template;
  /** Parameter values (lists already split) and pseudo parameters, by name. */
  refs: Record<string, Json>;
  /** Resources created so far, by logical id. */
  resources: Map<string, StackResource>;
  /** Evaluated conditions, filled lazily. */
  conditions: Map<string, boolean>;
}

const NO_VALUE = Symbol("AWS::NoValue");
type Value = Json | typeof NO_VALUE;

export function evaluate(value: Json, ctx: EvalContext): Json {
  const out = node(value, ctx);
  return out === NO_VALUE ? null : out;
}

export function condition(name: string, ctx: EvalContext): boolean {
  const cached = ctx.conditions.get(name);
  if (cached !== undefined) return cached;
  const decl = ctx.template.Conditions[name];
  if (decl === undefined)
    throw new TemplateEvalError(`Template format error: Unresolved condition dependency ${name}`);
  const result = truth(evaluate(decl, ctx), name);
  ctx.conditions.set(name, result);
  return result;
}

function node(value: Json, ctx: EvalContext): Value {
  if (Array.isArray(value)) return value.map((v) => node(v, ctx)).filter((v): v is Json => v !== NO_VALUE);
  if (!isObject(value)) return value;
  const keys = Object.keys(value);
  const only = keys.length === 1 ? keys[0] : undefined;
  if (only === "Ref" || only === "Condition" || only?.startsWith("Fn::")) {
    return call(only, value[only] ?? null, ctx);
  }
  const out: JsonObject = {};
  for (const key of keys) {
    const item = node(value[key] ?? null, ctx);
    if (item !== NO_VALUE) out[key] = item;
  }
  return out;
}

const str = (value: Json, fn: string): string => {
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  throw new TemplateEvalError(`Template error: ${fn} expects a string`);
};
const list = (value: Json, fn: string, length?: number): Json[] => {
  if (!Array.isArray(value) || (length !== undefined && value.length !== length)) {
    throw new TemplateEvalError(`Template error: ${fn} expects a list${length ? ` of ${length} items` : ""}`);
  }
  return value;
};
const truth = (value: Json, where: string): boolean => {
  if (value === true || value === "true") return true;
  if (value === false || value === "false") return false;
  throw new TemplateEvalError(`Template error: ${where} must evaluate to a boolean`);
};

function call(fn: string, arg: Json, ctx: EvalContext): Value {
  const ev = (v: Json) => evaluate(v, ctx);
  switch (fn) {
    case "Ref":
      return ref(str(arg, fn), ctx);
    case "Condition":
      return condition(str(arg, fn), ctx);
    case "Fn::GetAtt": {
      const [logicalId, attribute] =
        typeof arg === "string" ? arg.split(/\.(.*)/s) : list(arg, fn, 2).map(ev);
      return getAtt(str(logicalId ?? "", fn), str(attribute ?? "", fn), ctx);
    }
    case "Fn::Sub":
      return sub(arg, ctx);
    case "Fn::FindInMap": {
      const [map, top, second] = list(arg, fn, 3).map((part) => str(ev(part), fn));
      const found = ctx.template.Mappings[map ?? ""]?.[top ?? ""]?.[second ?? ""];
      if (found === undefined) {
        throw new TemplateEvalError(`Template error: Unable to get mapping for ${map}::${top}::${second}`);
      }
      return found;
    }
    case "Fn::Join": {
      const [delimiter, items] = list(arg, fn, 2);
      return list(ev(items ?? null), fn)
        .map((item) => str(item, fn))
        .join(str(ev(delimiter ?? ""), fn));
    }
    case "Fn::Select": {
      const [index, items] = list(arg, fn, 2);
      const picked = list(ev(items ?? null), fn)[Number(ev(index ?? null))];
      if (picked === undefined)
        throw new TemplateEvalError("Template error: Fn::Select cannot select nonexistent value");
      return picked;
    }
    case "Fn::Split": {
      const [delimiter, source] = list(arg, fn, 2);
      return str(ev(source ?? ""), fn).split(str(ev(delimiter ?? ""), fn));
    }
    case "Fn::If": {
      const [name, whenTrue, whenFalse] = list(arg, fn, 3);
      return node(condition(str(name ?? "", fn), ctx) ? (whenTrue ?? null) : (whenFalse ?? null), ctx);
    }
    case "Fn::Equals": {
      const [a, b] = list(arg, fn, 2).map(ev);
      return JSON.stringify(a) === JSON.stringify(b);
    }
    case "Fn::Not":
      return !truth(ev(list(arg, fn, 1)[0] ?? null), fn);
    case "Fn::And":
      return list(arg, fn).every((item) => truth(ev(item), fn));
    case "Fn::Or":
      return list(arg, fn).some((item) => truth(ev(item), fn));
    case "Fn::Base64":
      return Buffer.from(str(ev(arg), fn)).toString("base64");
    case "Fn::GetAZs": {
      const region = str(ev(arg), fn) || str(ctx.refs["AWS::Region"] ?? "", fn);
      return ["a", "b", "c"].map((zone) => `${region}${zone}`);
    }
    case "Fn::ToJsonString":
      return JSON.stringify(ev(arg));
    case "Fn::Length":
      return list(ev(arg), fn).length;
    default:
      throw new TemplateEvalError(`Template error: the aws-sandbox does not evaluate ${fn}`);
  }
}

function ref(name: string, ctx: EvalContext): Value {
  if (name === "AWS::NoValue") return NO_VALUE;
  const known = ctx.refs[name];
  if (known !== undefined) return known;
  const resource = ctx.resources.get(name);
  if (resource) return resource.physicalId;
  throw new TemplateEvalError(
    `Template format error: Unresolved resource dependencies [${name}] in the Resources block of the template`,
  );
}

function getAtt(logicalId: string, attribute: string, ctx: EvalContext): string {
  const resource = ctx.resources.get(logicalId);
  if (!resource) {
    throw new TemplateEvalError(
      `Template error: instance of Fn::GetAtt references undefined resource ${logicalId}`,
    );
  }
  const value = resource.attributes[attribute];
  if (value === undefined) {
    throw new TemplateEvalError(
      `Template error: resource ${logicalId} does not support attribute type ${attribute} in Fn::GetAtt`,
    );
  }
  return value;
}

// ${Name} is a variable, parameter, pseudo parameter or resource; ${Res.Attr} is Fn::GetAtt;
// ${!Literal} is the literal text ${Literal}.
function sub(arg: Json, ctx: EvalContext): string {
  const [template, variables] = Array.isArray(arg) ? list(arg, "Fn::Sub", 2) : [arg, {}];
  if (typeof template !== "string" || !isObject(variables)) {
    throw new TemplateEvalError("Template error: Fn::Sub expects a string or [string, { variables }]");
  }
  const local = new Map(Object.entries(variables).map(([k, v]) => [k, str(evaluate(v, ctx), "Fn::Sub")]));
  return template.replace(/\$\{([^}]*)\}/g, (_all, name: string) => {
    if (name.startsWith("!")) return `\${${name.slice(1)}}`;
    const value = local.get(name);
    if (value !== undefined) return value;
    const dot = name.indexOf(".");
    if (dot > 0 && !name.startsWith("AWS::")) return getAtt(name.slice(0, dot), name.slice(dot + 1), ctx);
    const resolved = ref(name, ctx);
    if (resolved === NO_VALUE) return "";
    return str(resolved, "Fn::Sub");
  });
}
