// How each catalog type's ARN looks, keyed by the ARN's service (which is not always the catalog
// prefix: "es" is opensearch, "states" is stepfunctions, "elasticmapreduce" is emr).
// Each pattern covers the whole resource part and captures the short id the rest of the product
// shows; anything that is not the resource itself (an S3 object, a DynamoDB stream, an ECS task...)
// matches nothing and so has no catalog type.

interface ArnRule {
  type: string;
  /** Anchored at both ends, with a named group "id". */
  pattern: RegExp;
}

const rule = (type: string, pattern: RegExp): ArnRule => ({ type, pattern });
/** "<prefix>/<id>" with one path segment, the commonest shape. */
const slash = (type: string, prefix: string): ArnRule => rule(type, new RegExp(`^${prefix}/(?<id>[^/]+)$`));
/** "<prefix>:<id>" with no further colon (RDS, ElastiCache, Redshift...). */
const colon = (type: string, prefix: string): ArnRule => rule(type, new RegExp(`^${prefix}:(?<id>[^:]+)$`));
/** A bare name with no separator (S3 buckets, SNS topics, SQS queues, CodePipeline pipelines). */
const bare = (type: string): ArnRule => rule(type, /^(?<id>[^/:]+)$/);

const ARN_RULES: Readonly<Record<string, readonly ArnRule[]>> = {
  ec2: [
    slash("ec2:instance", "instance"),
    slash("ec2:volume", "volume"),
    slash("ec2:snapshot", "snapshot"),
    slash("ec2:elastic-ip", "elastic-ip"),
    slash("ec2:natgateway", "natgateway"),
    slash("ec2:vpc-endpoint", "vpc-endpoint"),
    slash("ec2:vpc", "vpc"),
    slash("ec2:subnet", "subnet"),
    slash("ec2:security-group", "security-group"),
  ],
  // Alias and version ARNs (function:name:alias, function:name:7) name the same function.
  lambda: [rule("lambda:function", /^function:(?<id>[^:]+)(?::[^:]+)?$/)],
  ecs: [
    slash("ecs:cluster", "cluster"),
    // Both the long format (service/cluster/name) and the old one (service/name).
    rule("ecs:service", /^service\/(?:[^/]+\/)?(?<id>[^/]+)$/),
    // The id keeps the revision ("family:3"): each revision is its own taggable resource.
    slash("ecs:task-definition", "task-definition"),
  ],
  eks: [slash("eks:cluster", "cluster"), rule("eks:nodegroup", /^nodegroup\/[^/]+\/(?<id>[^/]+)\/[^/]+$/)],
  s3: [bare("s3:bucket")],
  elasticfilesystem: [slash("elasticfilesystem:file-system", "file-system")],
  fsx: [slash("fsx:file-system", "file-system")],
  rds: [colon("rds:db", "db"), colon("rds:cluster", "cluster")],
  dynamodb: [slash("dynamodb:table", "table")],
  elasticache: [
    colon("elasticache:cluster", "cluster"),
    colon("elasticache:replicationgroup", "replicationgroup"),
  ],
  redshift: [colon("redshift:cluster", "cluster")],
  // A replication instance is named by a generated resource id (rep:<id>), not its identifier.
  dms: [colon("dms:rep", "rep")],
  memorydb: [slash("memorydb:cluster", "cluster")],
  dax: [slash("dax:cache", "cache")],
  transfer: [slash("transfer:server", "server")],
  // App Runner appends the service id to the name: service/<name>/<id>.
  apprunner: [rule("apprunner:service", /^service\/(?<id>[^/]+)\/[^/]+$/)],
  sagemaker: [
    slash("sagemaker:endpoint", "endpoint"),
    slash("sagemaker:notebook-instance", "notebook-instance"),
  ],
  bedrock: [slash("bedrock:agent", "agent"), slash("bedrock:knowledge-base", "knowledge-base")],
  elasticloadbalancing: [
    // Application, network and gateway load balancers: loadbalancer/app/<name>/<hash>; the id is the name.
    rule("elasticloadbalancing:loadbalancer", /^loadbalancer\/(?:app|net|gwy)\/(?<id>[^/]+)\/[^/]+$/),
    slash("elasticloadbalancing:loadbalancer", "loadbalancer"), // classic: loadbalancer/<name>
    rule("elasticloadbalancing:targetgroup", /^targetgroup\/(?<id>[^/]+)\/[^/]+$/),
  ],
  kinesis: [slash("kinesis:stream", "stream")],
  firehose: [slash("firehose:deliverystream", "deliverystream")],
  // MSK appends the cluster's UUID and a revision to its name: cluster/<name>/<uuid>-<n>.
  kafka: [rule("kafka:cluster", /^cluster\/(?<id>[^/]+)\/[^/]+$/)],
  glue: [
    slash("glue:job", "job"),
    slash("glue:crawler", "crawler"),
    // A table is named within its database: the id keeps both, as two databases may hold "orders".
    rule("glue:table", /^table\/(?<id>[^/]+\/[^/]+)$/),
    slash("glue:database", "database"),
  ],
  es: [slash("opensearch:domain", "domain")],
  elasticmapreduce: [slash("emr:cluster", "cluster")],
  "cognito-idp": [slash("cognito-idp:userpool", "userpool")],
  // Identity pool ids contain a colon ("us-east-1:uuid"), which the slash rule allows.
  "cognito-identity": [slash("cognito-identity:identitypool", "identitypool")],
  // Secret names may contain "/", and the ARN adds a random suffix that belongs to the id.
  secretsmanager: [colon("secretsmanager:secret", "secret")],
  kms: [slash("kms:key", "key")],
  apigateway: [rule("apigateway:restapi", /^\/restapis\/(?<id>[^/]+)$/)],
  cloudfront: [slash("cloudfront:distribution", "distribution")],
  route53: [slash("route53:hostedzone", "hostedzone")],
  states: [colon("stepfunctions:statemachine", "stateMachine")],
  codebuild: [slash("codebuild:project", "project")],
  codepipeline: [bare("codepipeline:pipeline")],
  // "log-group:name:*" is how IAM and some APIs spell the same group.
  logs: [rule("logs:log-group", /^log-group:(?<id>[^:]+)(?::\*)?$/)],
  cloudwatch: [rule("cloudwatch:alarm", /^alarm:(?<id>.+)$/)],
  sns: [bare("sns:topic")],
  sqs: [bare("sqs:queue")],
  // Repository names may contain "/" (namespaces).
  ecr: [rule("ecr:repository", /^repository\/(?<id>.+)$/)],
  athena: [slash("athena:workgroup", "workgroup")],
};

/** The catalog type and short id of an ARN's resource part, or null when it is not a catalog type. */
export function classifyResource(service: string, resource: string): { type: string; id: string } | null {
  for (const { type, pattern } of ARN_RULES[service] ?? []) {
    const id = pattern.exec(resource)?.groups?.id;
    if (id) return { type, id };
  }
  return null;
}
