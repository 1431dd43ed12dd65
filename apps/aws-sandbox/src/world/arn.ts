// ARNs the way AWS writes them for each catalog type; the seed may give any ARN explicitly instead.
import { createHash } from "node:crypto";

/** The 16 hex digits ELBv2 appends to a load balancer's or target group's name, stable per seed. */
const elbSuffix = (account: string, region: string, id: string) =>
  createHash("sha256").update(`${account}:${region}:${id}`).digest("hex").slice(0, 16);
const ELB_KINDS: Record<string, string> = { application: "app", network: "net", gateway: "gwy" };

const templates: Record<
  string,
  (r: { region: string; account: string; id: string; attrs: Record<string, unknown> }) => string
> = {
  "ec2:instance": ({ region, account, id }) => `arn:aws:ec2:${region}:${account}:instance/${id}`,
  "ec2:volume": ({ region, account, id }) => `arn:aws:ec2:${region}:${account}:volume/${id}`,
  // Snapshot ARNs carry no account, exactly as AWS writes them.
  "ec2:snapshot": ({ region, id }) => `arn:aws:ec2:${region}::snapshot/${id}`,
  "ec2:elastic-ip": ({ region, account, id }) => `arn:aws:ec2:${region}:${account}:elastic-ip/${id}`,
  "ec2:natgateway": ({ region, account, id }) => `arn:aws:ec2:${region}:${account}:natgateway/${id}`,
  "s3:bucket": ({ id }) => `arn:aws:s3:::${id}`,
  "rds:db": ({ region, account, id }) => `arn:aws:rds:${region}:${account}:db:${id}`,
  "rds:cluster": ({ region, account, id }) => `arn:aws:rds:${region}:${account}:cluster:${id}`,
  "lambda:function": ({ region, account, id }) => `arn:aws:lambda:${region}:${account}:function:${id}`,
  "ecs:cluster": ({ region, account, id }) => `arn:aws:ecs:${region}:${account}:cluster/${id}`,
  "ecs:service": ({ region, account, id, attrs }) =>
    `arn:aws:ecs:${region}:${account}:service/${String(attrs.cluster ?? "default")}/${id}`,
  // Classic load balancers (Type "classic") keep the bare loadbalancer/<name> shape.
  "elasticloadbalancing:loadbalancer": ({ region, account, id, attrs }) => {
    const kind =
      attrs.Type === "classic" ? undefined : (ELB_KINDS[String(attrs.Type ?? "application")] ?? "app");
    const resource = kind
      ? `loadbalancer/${kind}/${id}/${elbSuffix(account, region, id)}`
      : `loadbalancer/${id}`;
    return `arn:aws:elasticloadbalancing:${region}:${account}:${resource}`;
  },
  "elasticloadbalancing:targetgroup": ({ region, account, id }) =>
    `arn:aws:elasticloadbalancing:${region}:${account}:targetgroup/${id}/${elbSuffix(account, region, id)}`,
  "elasticache:cluster": ({ region, account, id }) =>
    `arn:aws:elasticache:${region}:${account}:cluster:${id}`,
  "elasticache:replicationgroup": ({ region, account, id }) =>
    `arn:aws:elasticache:${region}:${account}:replicationgroup:${id}`,
  // MSK appends a UUID and a revision to the name (cluster/<name>/<uuid>-<n>), for serverless
  // clusters too; stable per seed here.
  "kafka:cluster": ({ region, account, id }) => {
    const hex = createHash("sha256").update(`${account}/${region}/${id}`).digest("hex");
    const uuid = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
    return `arn:aws:kafka:${region}:${account}:cluster/${id}/${uuid}-${(Number.parseInt(hex.slice(32, 34), 16) % 25) + 1}`;
  },
  // DMS names a replication instance in its ARN by a generated resource id (26 upper-case letters
  // and digits), not by its identifier; stable per seed here.
  "dms:rep": ({ region, account, id }) => {
    const digest = createHash("sha256").update(`${account}/${region}/${id}`).digest();
    const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    const resourceId = Array.from(digest.subarray(0, 26), (byte) => alphabet[byte % 32]).join("");
    return `arn:aws:dms:${region}:${account}:rep:${resourceId}`;
  },
  // App Runner appends the service id (32 hex digits) to the name; stable per seed here.
  "apprunner:service": ({ region, account, id }) =>
    `arn:aws:apprunner:${region}:${account}:service/${id}/${createHash("sha256").update(`${account}/${region}/${id}`).digest("hex").slice(0, 32)}`,
  "dynamodb:table": ({ region, account, id }) => `arn:aws:dynamodb:${region}:${account}:table/${id}`,
  // A node group's ARN names its cluster and ends in a UUID EKS assigns; stable per seed here.
  "eks:nodegroup": ({ region, account, id, attrs }) => {
    const cluster = String(attrs.cluster ?? "default");
    const h = createHash("sha256").update(`${account}/${region}/${cluster}/${id}`).digest("hex");
    const uuid = `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
    return `arn:aws:eks:${region}:${account}:nodegroup/${cluster}/${id}/${uuid}`;
  },
  "redshift:cluster": ({ region, account, id }) => `arn:aws:redshift:${region}:${account}:cluster:${id}`,
  "emr:cluster": ({ region, account, id }) => `arn:aws:elasticmapreduce:${region}:${account}:cluster/${id}`,
  // Secrets Manager appends a hyphen and six random characters to the name; stable here.
  "secretsmanager:secret": ({ region, account, id }) =>
    `arn:aws:secretsmanager:${region}:${account}:secret:${id}-${createHash("sha256").update(`${account}/${region}/${id}`).digest("base64url").replace(/[-_]/g, "x").slice(0, 6)}`,
  // SageMaker writes the resource's name in lower case in its ARN, whatever case it was created in.
  "sagemaker:endpoint": ({ region, account, id }) =>
    `arn:aws:sagemaker:${region}:${account}:endpoint/${id.toLowerCase()}`,
  "sagemaker:notebook-instance": ({ region, account, id }) =>
    `arn:aws:sagemaker:${region}:${account}:notebook-instance/${id.toLowerCase()}`,
  // OpenSearch keeps the Elasticsearch service prefix "es" in its ARNs.
  "opensearch:domain": ({ region, account, id }) => `arn:aws:es:${region}:${account}:domain/${id}`,
  // Step Functions ARNs use the "states" prefix, a colon and camelCase "stateMachine".
  "stepfunctions:statemachine": ({ region, account, id }) =>
    `arn:aws:states:${region}:${account}:stateMachine:${id}`,
  // Global services: CloudFront ARNs carry no region, Route 53 hosted zones neither region nor account.
  "cloudfront:distribution": ({ account, id }) => `arn:aws:cloudfront::${account}:distribution/${id}`,
  "route53:hostedzone": ({ id }) => `arn:aws:route53:::hostedzone/${id}`,
  // A pipeline's ARN is its name straight after the account: no resource-type segment.
  "codepipeline:pipeline": ({ region, account, id }) => `arn:aws:codepipeline:${region}:${account}:${id}`,
  // API Gateway ARNs name the path and carry no account.
  "apigateway:restapi": ({ region, id }) => `arn:aws:apigateway:${region}::/restapis/${id}`,
};

export function arnFor(
  type: string,
  region: string,
  account: string,
  id: string,
  attrs: Record<string, unknown>,
): string {
  const template = templates[type];
  if (template) return template({ region, account, id, attrs });
  const [service, resource] = type.split(":");
  return `arn:aws:${service}:${region}:${account}:${resource}/${id}`;
}
