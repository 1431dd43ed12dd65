// Finds the operation a request names, per protocol, and decodes its input.
import type { IncomingSigned } from "../auth/sigv4";
import type { Operation, OperationTable, OpInput } from "../protocol/operation";
import type { ServiceDef } from "../protocol/services";
import { cloudformation } from "./cloudformation";
import { costExplorer } from "./costexplorer";
import { dynamodb } from "./dynamodb";
import { ec2 } from "./ec2";
import { ecs } from "./ecs";
import { efs, routeEfs } from "./efs";
import { eks, routeEks } from "./eks";
import { elasticache } from "./elasticache";
import { elbv2 } from "./elbv2";
import { glue } from "./glue";
import { kinesis } from "./kinesis";
import { kms } from "./kms";
import { lambda, routeLambda } from "./lambda";
import { organizations } from "./organizations";
import { rds } from "./rds";
import { routeS3, s3 } from "./s3";
import { secretsmanager } from "./secretsmanager";
import { sts } from "./sts";
import { tagging } from "./tagging";

const TABLES: Record<string, OperationTable> = {
  sts,
  ec2,
  rds,
  tagging,
  ecs,
  dynamodb,
  ce: costExplorer,
  organizations,
  lambda,
  s3,
  cloudformation,
  elasticloadbalancing: elbv2,
  elasticache,
  kinesis,
  elasticfilesystem: efs,
  secretsmanager,
  kms,
  eks,
  glue,
};

/** REST-JSON services are addressed by method + path, each with its own routes. */
const REST_JSON_ROUTES: Record<
  string,
  (request: IncomingSigned) => { name: string; input: OpInput } | undefined
> = {
  lambda: routeLambda,
  elasticfilesystem: routeEfs,
  eks: routeEks,
};

export interface Resolved {
  name: string;
  operation: Operation;
  input: OpInput;
}

function parseJson(body: Buffer): OpInput | undefined {
  if (!body.length) return {};
  try {
    const value: unknown = JSON.parse(body.toString("utf8"));
    return value && typeof value === "object" && !Array.isArray(value) ? (value as OpInput) : undefined;
  } catch {
    return undefined;
  }
}

export function resolveOperation(service: ServiceDef, request: IncomingSigned): Resolved | undefined {
  const table = TABLES[service.signingName];
  if (!table) return undefined;
  let name: string | undefined;
  let input: OpInput | undefined;
  switch (service.protocol) {
    case "query":
    case "ec2": {
      const form = Object.fromEntries(new URLSearchParams(request.body.toString("utf8")));
      name = form.Action;
      input = form;
      break;
    }
    case "json": {
      const target = request.headers["x-amz-target"] ?? "";
      const [prefix, operation] = target.split(".");
      if (prefix !== service.targetPrefix) return undefined;
      name = operation;
      input = parseJson(request.body);
      break;
    }
    case "restjson":
      ({ name, input } = REST_JSON_ROUTES[service.signingName]?.(request) ?? {});
      break;
    case "restxml":
      ({ name, input } = routeS3(request) ?? {});
      break;
  }
  if (!name || !input || !Object.hasOwn(table, name)) return undefined;
  return { name, operation: table[name]!, input };
}
