// What a resource type implements: create from evaluated properties, delete what it created.
// Handlers act with the stack caller's permissions and fail with ResourceFailure, whose message
// becomes the resource's status reason, as CloudFormation's resource handlers report.
import type { Identity, World } from "../../world/world";
import type { JsonObject, StackResource } from "../types";

export class ResourceFailure extends Error {
  override name = "ResourceFailure";
}

export interface HandlerContext {
  world: World;
  identity: Identity;
  accountId: string;
  region: string;
  stackName: string;
  /** Throws ResourceFailure unless the caller may perform `action` on `resource`. */
  require(action: string, resource: string): void;
}

export interface ResourceHandler {
  create(ctx: HandlerContext, logicalId: string, properties: JsonObject): StackResource;
  delete(ctx: HandlerContext, resource: StackResource): void;
}
