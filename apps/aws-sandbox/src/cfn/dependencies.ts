// Which resources each resource needs (Ref, Fn::GetAtt, ${...} in Fn::Sub, DependsOn), the order
// CloudFormation creates them in, and the template errors it reports before any stack exists:
// references to nothing, and circular dependencies.
import { templateError } from "./template";
import { isObject, type Json, type Template } from "./types";

function collect(value: Json, out: Set<string>): void {
  if (Array.isArray(value)) {
    for (const item of value) collect(item, out);
    return;
  }
  if (!isObject(value)) return;
  for (const [key, item] of Object.entries(value)) {
    if (key === "Ref" && typeof item === "string") out.add(item);
    else if (key === "Fn::GetAtt") {
      const target =
        typeof item === "string" ? item.split(".")[0] : Array.isArray(item) ? item[0] : undefined;
      if (typeof target === "string") out.add(target);
    } else if (key === "Fn::Sub") {
      const text = typeof item === "string" ? item : Array.isArray(item) ? item[0] : undefined;
      const locals = Array.isArray(item) && isObject(item[1]) ? Object.keys(item[1]) : [];
      for (const match of typeof text === "string" ? text.matchAll(/\$\{([^}!][^}]*)\}/g) : []) {
        const name = (match[1] ?? "").startsWith("AWS::")
          ? (match[1] ?? "")
          : ((match[1] ?? "").split(".")[0] ?? "");
        if (!locals.includes(name)) out.add(name);
      }
      if (Array.isArray(item) && isObject(item[1])) collect(item[1], out);
    } else collect(item, out);
  }
}

const PSEUDO = new Set([
  "AWS::AccountId",
  "AWS::Region",
  "AWS::Partition",
  "AWS::StackName",
  "AWS::StackId",
  "AWS::URLSuffix",
  "AWS::NotificationARNs",
  "AWS::NoValue",
]);

/** Logical ids in creation order; throws CloudFormation's template errors for bad references. */
export function creationOrder(template: Template): string[] {
  const resources = Object.keys(template.Resources);
  const known = (name: string) =>
    PSEUDO.has(name) || Object.hasOwn(template.Parameters, name) || Object.hasOwn(template.Resources, name);
  const needs = new Map<string, string[]>();
  const unresolved = new Set<string>();
  for (const [logicalId, decl] of Object.entries(template.Resources)) {
    const refs = new Set<string>();
    collect(decl.Properties ?? {}, refs);
    for (const name of refs) if (!known(name)) unresolved.add(name);
    const dependsOn = decl.DependsOn === undefined ? [] : [decl.DependsOn].flat();
    for (const name of dependsOn) {
      if (!Object.hasOwn(template.Resources, name)) {
        throw templateError(
          `Template format error: Unresolved resource dependencies [${name}] in the Resources block of the template`,
        );
      }
    }
    needs.set(
      logicalId,
      [...new Set([...refs, ...dependsOn])].filter((n) => Object.hasOwn(template.Resources, n)),
    );
  }
  const outputRefs = new Set<string>();
  for (const output of Object.values(template.Outputs)) collect(output.Value, outputRefs);
  for (const name of outputRefs) if (!known(name)) unresolved.add(name);
  if (unresolved.size) {
    throw templateError(
      `Template format error: Unresolved resource dependencies [${[...unresolved].join(", ")}] in the Resources block of the template`,
    );
  }
  const order: string[] = [];
  const state = new Map<string, "visiting" | "done">();
  const visit = (id: string, path: string[]) => {
    if (state.get(id) === "done") return;
    if (state.get(id) === "visiting") {
      throw templateError(
        `Circular dependency between resources: [${path.slice(path.indexOf(id)).join(", ")}]`,
      );
    }
    state.set(id, "visiting");
    for (const dep of needs.get(id) ?? []) visit(dep, [...path, id]);
    state.set(id, "done");
    order.push(id);
  };
  for (const id of resources) visit(id, []);
  return order;
}
