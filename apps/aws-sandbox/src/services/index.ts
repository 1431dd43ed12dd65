// Finds the operation a request names, per protocol, and decodes its input.
import type { IncomingSigned } from "../auth/sigv4";
import type { Operation, OperationTable, OpInput } from "../protocol/operation";
import type { ServiceDef } from "../protocol/services";
import { apigateway, routeApiGateway } from "./apigateway";
import { apprunner } from "./apprunner";
import { bedrockAgent, routeBedrockAgent } from "./bedrock-agent";
import { cloudformation } from "./cloudformation";
import { cloudfront, routeCloudFront } from "./cloudfront";
import { codebuild } from "./codebuild";
import { codepipeline } from "./codepipeline";
import { cognitoIdentity } from "./cognito-identity";
import { cognitoIdp } from "./cognito-idp";
import { costExplorer } from "./costexplorer";
import { dax } from "./dax";
import { dms } from "./dms";
import { dynamodb } from "./dynamodb";
import { ec2 } from "./ec2";
import { ecs } from "./ecs";
import { efs, routeEfs } from "./efs";
import { eks, routeEks } from "./eks";
import { elasticache } from "./elasticache";
import { elbv2 } from "./elbv2";
import { emr } from "./emr";
import { firehose } from "./firehose";
import { fsx } from "./fsx";
import { glue } from "./glue";
import { kafka, routeKafka } from "./kafka";
import { kinesis } from "./kinesis";
import { kms } from "./kms";
import { lambda, routeLambda } from "./lambda";
import { memorydb } from "./memorydb";
import { opensearch, routeOpenSearch } from "./opensearch";
import { organizations } from "./organizations";
import { rds } from "./rds";
import { redshift } from "./redshift";
import { route53, routeRoute53 } from "./route53";
import { routeS3, s3 } from "./s3";
import { sagemaker } from "./sagemaker";
import { secretsmanager } from "./secretsmanager";
import { stepfunctions } from "./stepfunctions";
import { sts } from "./sts";
import { tagging } from "./tagging";
import { transfer } from "./transfer";

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
  sagemaker,
  bedrock: bedrockAgent,
  redshift,
  fsx,
  elasticmapreduce: emr,
  glue,
  es: opensearch,
  states: stepfunctions,
  codepipeline,
  cloudfront,
  route53,
  "cognito-idp": cognitoIdp,
  "cognito-identity": cognitoIdentity,
  apigateway,
  codebuild,
  firehose,
  kafka,
  dms,
  memorydb,
  transfer,
  apprunner,
  dax,
};

/** REST services (JSON, and XML other than S3) are addressed by method + path, each with its own routes. */
const REST_JSON_ROUTES: Record<
  string,
  (request: IncomingSigned) => { name: string; input: OpInput } | undefined
> = {
  lambda: routeLambda,
  elasticfilesystem: routeEfs,
  eks: routeEks,
  bedrock: routeBedrockAgent,
  es: routeOpenSearch,
  cloudfront: routeCloudFront,
  route53: routeRoute53,
  apigateway: routeApiGateway,
  kafka: routeKafka,
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
      ({ name, input } = (REST_JSON_ROUTES[service.signingName] ?? routeS3)(request) ?? {});
      break;
  }
  if (!name || !input || !Object.hasOwn(table, name)) return undefined;
  return { name, operation: table[name]!, input };
}
