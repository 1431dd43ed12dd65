import type { Account, Identity, World } from "../world/world";

/** What a handler knows about the call it serves. */
export interface OpContext {
  world: World;
  identity: Identity;
  /** The caller's own account: every read answers from it alone. */
  account: Account;
  region: string;
  requestId: string;
  now: number;
}

/**
 * Input by protocol: query/ec2 get the flat form map, json gets the parsed body, REST protocols get
 * path parameters merged with the query string.
 */
export type OpInput = Record<string, unknown>;

export interface Operation {
  /** The IAM action checked against the caller's role, e.g. "ec2:DescribeInstances". */
  action: string;
  handle(ctx: OpContext, input: OpInput): unknown;
  /** Needs no permission (sts:GetCallerIdentity) or evaluates trust itself (sts:AssumeRole). */
  skipPermissionCheck?: boolean;
}

export type OperationTable = Record<string, Operation>;

/** REST-XML handlers name their root element. */
export interface XmlBody {
  root: string;
  body: unknown;
}
