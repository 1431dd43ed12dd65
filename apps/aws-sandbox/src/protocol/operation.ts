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
  /** The ARN the action applies to, for policies that name resources (s3:GetObject on bucket/key). */
  resource?(ctx: OpContext, input: OpInput): string;
}

export type OperationTable = Record<string, Operation>;

/**
 * A response the handler shapes itself: S3 object reads answer the object's bytes with its
 * metadata in headers, not an XML document.
 */
export interface RawBody {
  raw: true;
  headers: Record<string, string>;
  body: Buffer | string;
}

export const isRawBody = (value: unknown): value is RawBody =>
  typeof value === "object" && value !== null && "raw" in value && value.raw === true;

/** REST-XML handlers name their root element. */
export interface XmlBody {
  root: string;
  body: unknown;
}
