// CreateStack's engine. Everything CloudFormation refuses up front (template format, parameters,
// capabilities, a live stack of the same name) throws a ValidationError-family AwsError before a
// stack exists; everything that fails while resources are created marks the stack CREATE_FAILED
// and rolls back (OnFailure ROLLBACK, the default), as CloudFormation does. Creation is
// synchronous: CreateStack returns once the stack is CREATE_COMPLETE or ROLLBACK_COMPLETE.
import { randomUUID } from "node:crypto";
import { AwsError } from "../errors";
import type { OpContext } from "../protocol/operation";
import { checkCapabilities } from "./capabilities";
import { deleteResources } from "./delete";
import { creationOrder } from "./dependencies";
import { resourceEvent, stackStatus } from "./events";
import { handlerContext } from "./handler-context";
import { condition, type EvalContext, evaluate, TemplateEvalError } from "./intrinsics";
import { resolveParameters } from "./parameters";
import { HANDLERS } from "./resources";
import { ResourceFailure } from "./resources/handler";
import { findLiveStack } from "./store";
import { parseTemplate } from "./template";
import { isObject, type Json, type Stack, type Template } from "./types";

export interface CreateStackInput {
  name: string;
  templateBody: string;
  parameters: Map<string, string>;
  capabilities: string[];
  tags: { Key: string; Value: string }[];
  onFailure: "ROLLBACK" | "DELETE" | "DO_NOTHING";
}

function evalContext(stack: Stack, template: Template): EvalContext {
  const refs: Record<string, Json> = {
    "AWS::AccountId": stack.accountId,
    "AWS::Region": stack.region,
    "AWS::Partition": "aws",
    "AWS::StackName": stack.name,
    "AWS::StackId": stack.id,
    "AWS::URLSuffix": "amazonaws.com",
    "AWS::NotificationARNs": [],
  };
  for (const { key, value } of stack.parameters) {
    const type = template.Parameters[key]?.Type ?? "String";
    refs[key] = type.startsWith("List<") || type === "CommaDelimitedList" ? value.split(",") : value;
  }
  return { template, refs, resources: new Map(), conditions: new Map() };
}

/** Creates resources in dependency order; returns the failed logical id and reason, if any. */
function createResources(ctx: OpContext, stack: Stack, template: Template, evalCtx: EvalContext) {
  const handlerCtx = handlerContext(ctx, stack);
  for (const logicalId of creationOrder(template)) {
    const decl = template.Resources[logicalId];
    if (!decl || (decl.Condition && !condition(decl.Condition, evalCtx))) continue;
    resourceEvent(stack, ctx.now, { logicalId, type: decl.Type, status: "CREATE_IN_PROGRESS" });
    try {
      const handler = HANDLERS[decl.Type];
      if (!handler) throw new ResourceFailure(`The aws-sandbox does not emulate resource type ${decl.Type}`);
      const properties = evaluate(decl.Properties ?? {}, evalCtx);
      const created = handler.create(handlerCtx, logicalId, isObject(properties) ? properties : {});
      stack.resources.push(created);
      evalCtx.resources.set(logicalId, created);
      resourceEvent(stack, ctx.now, {
        logicalId,
        physicalId: created.physicalId,
        type: decl.Type,
        status: "CREATE_COMPLETE",
      });
    } catch (error) {
      if (!(error instanceof ResourceFailure || error instanceof TemplateEvalError)) throw error;
      resourceEvent(stack, ctx.now, {
        logicalId,
        type: decl.Type,
        status: "CREATE_FAILED",
        reason: error.message,
      });
      return { logicalId, reason: error.message };
    }
  }
  return undefined;
}

function outputs(template: Template, evalCtx: EvalContext): Stack["outputs"] {
  return Object.entries(template.Outputs)
    .filter(([, output]) => !output.Condition || condition(output.Condition, evalCtx))
    .map(([key, output]) => {
      const value = evaluate(output.Value, evalCtx);
      return {
        key,
        value: Array.isArray(value) ? value.join(",") : String(value),
        ...(output.Description ? { description: output.Description } : {}),
      };
    });
}

function fail(ctx: OpContext, stack: Stack, onFailure: CreateStackInput["onFailure"], logicalId: string) {
  const failedList = `The following resource(s) failed to create: [${logicalId}]. `;
  if (onFailure === "DO_NOTHING") return stackStatus(stack, ctx.now, "CREATE_FAILED", failedList);
  stackStatus(stack, ctx.now, "ROLLBACK_IN_PROGRESS", `${failedList}Rollback requested by user.`);
  const leftovers = deleteResources(ctx, stack);
  if (leftovers.length) {
    return stackStatus(
      stack,
      ctx.now,
      "ROLLBACK_FAILED",
      `The following resource(s) failed to delete: [${leftovers.join(", ")}]. `,
    );
  }
  stackStatus(stack, ctx.now, "ROLLBACK_COMPLETE");
  // ROLLBACK_COMPLETE keeps the reason the rollback started with, so the customer can see why.
  stack.reason = `${failedList}Rollback requested by user.`;
  if (onFailure === "DELETE") {
    stackStatus(stack, ctx.now, "DELETE_COMPLETE");
    stack.deletedAt = ctx.now;
  }
}

/** Conditions depend only on parameters, so a broken one is a template error, found before creation. */
function checkConditions(template: Template, evalCtx: EvalContext): void {
  const used = [
    ...Object.keys(template.Conditions),
    ...Object.values(template.Resources).flatMap((r) => (r.Condition ? [r.Condition] : [])),
    ...Object.values(template.Outputs).flatMap((o) => (o.Condition ? [o.Condition] : [])),
  ];
  try {
    for (const name of used) condition(name, evalCtx);
  } catch (error) {
    if (error instanceof TemplateEvalError) throw new AwsError("ValidationError", error.message, 400);
    throw error;
  }
}

export function createStack(ctx: OpContext, input: CreateStackInput): Stack {
  if (findLiveStack(ctx, input.name)) {
    throw new AwsError("AlreadyExistsException", `Stack [${input.name}] already exists`, 400);
  }
  const template = parseTemplate(input.templateBody);
  creationOrder(template);
  const parameters = resolveParameters(template, input.parameters);
  checkCapabilities(template, input.capabilities);

  const stack: Stack = {
    id: `arn:aws:cloudformation:${ctx.region}:${ctx.identity.accountId}:stack/${input.name}/${randomUUID()}`,
    name: input.name,
    accountId: ctx.identity.accountId,
    region: ctx.region,
    ...(template.Description ? { description: template.Description } : {}),
    templateBody: input.templateBody,
    parameters,
    capabilities: input.capabilities,
    tags: input.tags,
    outputs: [],
    status: "CREATE_IN_PROGRESS",
    disableRollback: input.onFailure === "DO_NOTHING",
    createdAt: ctx.now,
    resources: [],
    events: [],
  };
  const evalCtx = evalContext(stack, template);
  checkConditions(template, evalCtx);
  ctx.world.stacks.push(stack);
  stackStatus(stack, ctx.now, "CREATE_IN_PROGRESS", "User Initiated");
  const failed = createResources(ctx, stack, template, evalCtx);
  if (failed) {
    fail(ctx, stack, input.onFailure, failed.logicalId);
    return stack;
  }
  try {
    stack.outputs = outputs(template, evalCtx);
  } catch (error) {
    if (!(error instanceof TemplateEvalError)) throw error;
    resourceEvent(stack, ctx.now, {
      logicalId: stack.name,
      type: "AWS::CloudFormation::Stack",
      status: "CREATE_FAILED",
      reason: error.message,
    });
    fail(ctx, stack, input.onFailure, "Outputs");
    return stack;
  }
  stackStatus(stack, ctx.now, "CREATE_COMPLETE");
  return stack;
}
