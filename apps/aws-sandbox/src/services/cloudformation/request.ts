// CreateStack's query-protocol input: Parameters.member.N.ParameterKey/ParameterValue,
// Capabilities.member.N, Tags.member.N.Key/Value, TemplateBody or TemplateURL, OnFailure.

import type { CreateStackInput } from "../../cfn/create";
import { INLINE_BODY_LIMIT } from "../../cfn/template";
import { AwsError } from "../../errors";
import type { OpInput } from "../../protocol/operation";
import { queryList } from "../../protocol/params";

const invalid = (message: string) => new AwsError("ValidationError", message, 400);

const STACK_NAME = /^[a-zA-Z][-a-zA-Z0-9]{0,127}$/;
const CAPABILITIES = ["CAPABILITY_IAM", "CAPABILITY_NAMED_IAM", "CAPABILITY_AUTO_EXPAND"];

export function stackName(input: OpInput, field = "StackName"): string {
  const name = typeof input[field] === "string" ? input[field] : "";
  if (!STACK_NAME.test(name)) {
    throw invalid(
      `1 validation error detected: Value '${name}' at 'stackName' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z][-a-zA-Z0-9]*|arn:[-a-zA-Z0-9:/._+]*`,
    );
  }
  return name;
}

function parameters(input: OpInput): Map<string, string> {
  const out = new Map<string, string>();
  for (let i = 1; typeof input[`Parameters.member.${i}.ParameterKey`] === "string"; i++) {
    const key = String(input[`Parameters.member.${i}.ParameterKey`]);
    const value = input[`Parameters.member.${i}.ParameterValue`];
    if (typeof value === "string") out.set(key, value);
  }
  return out;
}

function tags(input: OpInput): { Key: string; Value: string }[] {
  const out: { Key: string; Value: string }[] = [];
  for (let i = 1; typeof input[`Tags.member.${i}.Key`] === "string"; i++) {
    out.push({
      Key: String(input[`Tags.member.${i}.Key`]),
      Value: String(input[`Tags.member.${i}.Value`] ?? ""),
    });
  }
  return out;
}

/** The template source, before it is read: exactly one of TemplateBody and TemplateURL. */
export function templateSource(input: OpInput): { body: string } | { url: string } {
  const body = typeof input.TemplateBody === "string" ? input.TemplateBody : undefined;
  const url = typeof input.TemplateURL === "string" ? input.TemplateURL : undefined;
  if (body !== undefined && url !== undefined) {
    throw invalid("Specify exactly one of TemplateBody or TemplateUrl.");
  }
  if (body !== undefined) {
    if (Buffer.byteLength(body) > INLINE_BODY_LIMIT) {
      throw invalid(
        `1 validation error detected: Value at 'templateBody' failed to satisfy constraint: Member must have length less than or equal to ${INLINE_BODY_LIMIT}`,
      );
    }
    return { body };
  }
  if (url !== undefined) return { url };
  throw invalid("Either Template URL or Template Body must be specified.");
}

export function createStackInput(input: OpInput, templateBody: string): CreateStackInput {
  const capabilities = queryList(input, "Capabilities.member");
  const unknown = capabilities.find((c) => !CAPABILITIES.includes(c));
  if (unknown) {
    throw invalid(
      `1 validation error detected: Value '[${capabilities.join(", ")}]' at 'capabilities' failed to satisfy constraint: Member must satisfy constraint: [Member must satisfy enum value set: [${CAPABILITIES.join(", ")}]]`,
    );
  }
  const onFailure = input.OnFailure ?? (input.DisableRollback === "true" ? "DO_NOTHING" : "ROLLBACK");
  if (onFailure !== "ROLLBACK" && onFailure !== "DELETE" && onFailure !== "DO_NOTHING") {
    throw invalid(
      `1 validation error detected: Value '${String(onFailure)}' at 'onFailure' failed to satisfy constraint: Member must satisfy enum value set: [DO_NOTHING, ROLLBACK, DELETE]`,
    );
  }
  if (input.OnFailure !== undefined && input.DisableRollback !== undefined) {
    throw invalid("You can specify either DisableRollback or OnFailure, but not both.");
  }
  return {
    name: stackName(input),
    templateBody,
    parameters: parameters(input),
    capabilities,
    tags: tags(input),
    onFailure,
  };
}
