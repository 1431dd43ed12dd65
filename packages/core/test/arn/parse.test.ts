import { describe, expect, it } from "vitest";
import { parseArn } from "../../src/arn/parse";
import { resourceTypeFromArn } from "../../src/arn/resource-type";
import { COST_GENERATING_TYPES, FREE_TYPES } from "../../src/catalog";

const A = "123456789012";

/** [arn, catalog type, short id]: at least one row for every catalog type. */
const TYPED: ReadonlyArray<readonly [string, string, string]> = [
  [`arn:aws:ec2:us-east-1:${A}:instance/i-0abc123`, "ec2:instance", "i-0abc123"],
  [`arn:aws:ec2:us-east-1:${A}:volume/vol-0abc`, "ec2:volume", "vol-0abc"],
  [`arn:aws:ec2:us-east-1:${A}:elastic-ip/eipalloc-0abc`, "ec2:elastic-ip", "eipalloc-0abc"],
  // Not as the seed: a snapshot is ec2:snapshot, also for public snapshots without account.
  [`arn:aws:ec2:us-east-1:${A}:snapshot/snap-0abc`, "ec2:snapshot", "snap-0abc"],
  ["arn:aws:ec2:us-east-1::snapshot/snap-0pub", "ec2:snapshot", "snap-0pub"],
  [`arn:aws:ec2:us-east-1:${A}:natgateway/nat-0abc`, "ec2:natgateway", "nat-0abc"],
  [`arn:aws:ec2:us-east-1:${A}:vpc/vpc-0abc`, "ec2:vpc", "vpc-0abc"],
  [`arn:aws:ec2:us-east-1:${A}:subnet/subnet-0abc`, "ec2:subnet", "subnet-0abc"],
  [`arn:aws:ec2:us-east-1:${A}:security-group/sg-0abc`, "ec2:security-group", "sg-0abc"],
  [`arn:aws:lambda:eu-west-1:${A}:function:checkout`, "lambda:function", "checkout"],
  [`arn:aws:lambda:eu-west-1:${A}:function:checkout:live`, "lambda:function", "checkout"],
  [`arn:aws:lambda:eu-west-1:${A}:function:checkout:42`, "lambda:function", "checkout"],
  [`arn:aws:lambda:eu-west-1:${A}:function:checkout:$LATEST`, "lambda:function", "checkout"],
  [
    `arn:aws:ec2:us-east-1:${A}:vpc-endpoint/vpce-0a1b2c3d4e5f60718`,
    "ec2:vpc-endpoint",
    "vpce-0a1b2c3d4e5f60718",
  ],
  [`arn:aws:ecs:us-east-1:${A}:cluster/prod`, "ecs:cluster", "prod"],
  [`arn:aws:ecs:us-east-1:${A}:service/prod/web`, "ecs:service", "web"],
  [`arn:aws:ecs:us-east-1:${A}:service/web-legacy`, "ecs:service", "web-legacy"],
  [`arn:aws:ecs:us-east-1:${A}:task-definition/web:7`, "ecs:task-definition", "web:7"],
  [`arn:aws:eks:us-west-2:${A}:cluster/main`, "eks:cluster", "main"],
  [`arn:aws:eks:us-west-2:${A}:nodegroup/main/workers/0ac6-11e2`, "eks:nodegroup", "workers"],
  ["arn:aws:s3:::my-bucket.logs", "s3:bucket", "my-bucket.logs"],
  [
    `arn:aws:elasticfilesystem:us-east-1:${A}:file-system/fs-0abc`,
    "elasticfilesystem:file-system",
    "fs-0abc",
  ],
  [`arn:aws:fsx:us-east-1:${A}:file-system/fs-0def`, "fsx:file-system", "fs-0def"],
  [`arn:aws:rds:us-east-1:${A}:db:orders`, "rds:db", "orders"],
  [`arn:aws:rds:us-east-1:${A}:cluster:orders-aurora`, "rds:cluster", "orders-aurora"],
  [`arn:aws:dynamodb:us-east-1:${A}:table/Orders`, "dynamodb:table", "Orders"],
  [`arn:aws:elasticache:us-east-1:${A}:cluster:cache-001`, "elasticache:cluster", "cache-001"],
  [`arn:aws:elasticache:us-east-1:${A}:replicationgroup:cache`, "elasticache:replicationgroup", "cache"],
  [`arn:aws:redshift:us-east-1:${A}:cluster:dw`, "redshift:cluster", "dw"],
  [`arn:aws:dms:us-east-1:${A}:rep:QLXQZ64MH7CXF4QCQMGRVYVXAI`, "dms:rep", "QLXQZ64MH7CXF4QCQMGRVYVXAI"],
  [`arn:aws:memorydb:us-east-1:${A}:cluster/sessions`, "memorydb:cluster", "sessions"],
  [`arn:aws:dax:us-east-1:${A}:cache/orders`, "dax:cache", "orders"],
  [`arn:aws:transfer:us-east-1:${A}:server/s-01234567890abcdef`, "transfer:server", "s-01234567890abcdef"],
  [
    `arn:aws:apprunner:us-east-1:${A}:service/api/8fe1e10304f84fd2b0df550fe98a71fa`,
    "apprunner:service",
    "api",
  ],
  [`arn:aws:sagemaker:us-east-1:${A}:endpoint/churn`, "sagemaker:endpoint", "churn"],
  [`arn:aws:sagemaker:us-east-1:${A}:notebook-instance/lab`, "sagemaker:notebook-instance", "lab"],
  [`arn:aws:bedrock:us-east-1:${A}:agent/AGENT123`, "bedrock:agent", "AGENT123"],
  [`arn:aws:bedrock:us-east-1:${A}:knowledge-base/KB123`, "bedrock:knowledge-base", "KB123"],
  [
    `arn:aws:elasticloadbalancing:us-east-1:${A}:loadbalancer/app/web-alb/50dc6c495c0c9188`,
    "elasticloadbalancing:loadbalancer",
    "web-alb",
  ],
  [
    `arn:aws:elasticloadbalancing:us-east-1:${A}:loadbalancer/net/tcp-nlb/1234abcd`,
    "elasticloadbalancing:loadbalancer",
    "tcp-nlb",
  ],
  [
    `arn:aws:elasticloadbalancing:us-east-1:${A}:loadbalancer/classic-lb`,
    "elasticloadbalancing:loadbalancer",
    "classic-lb",
  ],
  [
    `arn:aws:elasticloadbalancing:us-east-1:${A}:targetgroup/web-tg/73e2d6bc24d8a067`,
    "elasticloadbalancing:targetgroup",
    "web-tg",
  ],
  [`arn:aws:kinesis:us-east-1:${A}:stream/clicks`, "kinesis:stream", "clicks"],
  [`arn:aws:firehose:us-east-1:${A}:deliverystream/to-s3`, "firehose:deliverystream", "to-s3"],
  [
    `arn:aws:kafka:us-east-1:${A}:cluster/events/6357e0b2-0e6a-4b86-a0b4-70df934c2e31-5`,
    "kafka:cluster",
    "events",
  ],
  [`arn:aws:glue:us-east-1:${A}:job/etl`, "glue:job", "etl"],
  [`arn:aws:glue:us-east-1:${A}:crawler/crawl`, "glue:crawler", "crawl"],
  [`arn:aws:glue:us-east-1:${A}:table/sales/orders`, "glue:table", "sales/orders"],
  [`arn:aws:glue:us-east-1:${A}:database/sales`, "glue:database", "sales"],
  [`arn:aws:es:us-east-1:${A}:domain/search`, "opensearch:domain", "search"],
  [`arn:aws:elasticmapreduce:us-east-1:${A}:cluster/j-2AXXXXXXGAPLF`, "emr:cluster", "j-2AXXXXXXGAPLF"],
  [`arn:aws:cognito-idp:us-east-1:${A}:userpool/us-east-1_aBcD`, "cognito-idp:userpool", "us-east-1_aBcD"],
  [
    `arn:aws:cognito-identity:us-east-1:${A}:identitypool/us-east-1:1a2b-3c4d`,
    "cognito-identity:identitypool",
    "us-east-1:1a2b-3c4d",
  ],
  [`arn:aws:secretsmanager:us-east-1:${A}:secret:prod/db-AbCdEf`, "secretsmanager:secret", "prod/db-AbCdEf"],
  [`arn:aws:kms:us-east-1:${A}:key/1234abcd-12ab-34cd`, "kms:key", "1234abcd-12ab-34cd"],
  ["arn:aws:apigateway:us-east-1::/restapis/a1b2c3", "apigateway:restapi", "a1b2c3"],
  [`arn:aws:cloudfront::${A}:distribution/EDFDVBD6EXAMPLE`, "cloudfront:distribution", "EDFDVBD6EXAMPLE"],
  ["arn:aws:route53:::hostedzone/Z1D633PJN98FT9", "route53:hostedzone", "Z1D633PJN98FT9"],
  [`arn:aws:states:us-east-1:${A}:stateMachine:orders`, "stepfunctions:statemachine", "orders"],
  [`arn:aws:codebuild:us-east-1:${A}:project/build`, "codebuild:project", "build"],
  [`arn:aws:codepipeline:us-east-1:${A}:release`, "codepipeline:pipeline", "release"],
  [`arn:aws:logs:us-east-1:${A}:log-group:/aws/lambda/x`, "logs:log-group", "/aws/lambda/x"],
  [`arn:aws:logs:us-east-1:${A}:log-group:/aws/lambda/x:*`, "logs:log-group", "/aws/lambda/x"],
  [`arn:aws:cloudwatch:us-east-1:${A}:alarm:cpu-high`, "cloudwatch:alarm", "cpu-high"],
  [`arn:aws:sns:us-east-1:${A}:alerts`, "sns:topic", "alerts"],
  [`arn:aws:sqs:us-east-1:${A}:jobs.fifo`, "sqs:queue", "jobs.fifo"],
  [`arn:aws:ecr:us-east-1:${A}:repository/team/api`, "ecr:repository", "team/api"],
  [`arn:aws:athena:us-east-1:${A}:workgroup/primary`, "athena:workgroup", "primary"],
  // Other partitions.
  [`arn:aws-cn:ec2:cn-north-1:${A}:instance/i-0cn`, "ec2:instance", "i-0cn"],
  [`arn:aws-us-gov:s3:::gov-bucket`, "s3:bucket", "gov-bucket"],
  [`arn:aws-us-gov:lambda:us-gov-west-1:${A}:function:f:prod`, "lambda:function", "f"],
];

describe("parseArn: catalog types", () => {
  it.each(TYPED)("%s -> %s / %s", (arn, type, id) => {
    const parsed = parseArn(arn);
    expect(parsed).toMatchObject({ ok: true, arn: { resourceType: type, resourceId: id } });
    expect(resourceTypeFromArn(arn)).toBe(type);
  });

  it("has a row for every type in the catalog", () => {
    const covered = new Set(TYPED.map(([, type]) => type));
    expect([...COST_GENERATING_TYPES, ...FREE_TYPES].filter((type) => !covered.has(type))).toEqual([]);
  });

  it("returns every component", () => {
    expect(parseArn(`arn:aws:rds:eu-central-1:${A}:db:orders`)).toEqual({
      ok: true,
      arn: {
        partition: "aws",
        service: "rds",
        region: "eu-central-1",
        account: A,
        resource: "db:orders",
        resourceType: "rds:db",
        resourceId: "orders",
      },
    });
  });
});

describe("parseArn: valid ARNs of no catalog type", () => {
  it.each([
    ["arn:aws:s3:::bucket/path/object.txt", "bucket/path/object.txt"], // an object, not the bucket
    [
      `arn:aws:dynamodb:us-east-1:${A}:table/Orders/stream/2026-01-01T00:00:00.000`,
      "table/Orders/stream/2026-01-01T00:00:00.000",
    ],
    [`arn:aws:ecs:us-east-1:${A}:task/prod/abc`, "task/prod/abc"],
    [`arn:aws:rds:us-east-1:${A}:snapshot:snap1`, "snapshot:snap1"],
    [`arn:aws:kms:us-east-1:${A}:alias/app`, "alias/app"],
    ["arn:aws:apigateway:us-east-1::/restapis/a1b2c3/stages/prod", "/restapis/a1b2c3/stages/prod"],
    [`arn:aws:iam::${A}:role/Admin`, "role/Admin"],
    [`arn:aws:elasticloadbalancing:us-east-1:${A}:listener/app/web/50dc/f2f7`, "listener/app/web/50dc/f2f7"],
    [`arn:aws:transfer:us-east-1:${A}:user/s-01234567890abcdef/alice`, "user/s-01234567890abcdef/alice"],
    [`arn:aws:dms:us-east-1:${A}:task:7QBLNBTPCNDEBG7CHI3WA73YFA`, "task:7QBLNBTPCNDEBG7CHI3WA73YFA"],
    [`arn:aws:kafka:us-east-1:${A}:topic/events/6357e0b2-5/orders`, "topic/events/6357e0b2-5/orders"],
    [`arn:aws:apprunner:us-east-1:${A}:vpcconnector/vpc/1/0123abcd`, "vpcconnector/vpc/1/0123abcd"],
  ])("%s has type null and the whole resource as id", (arn, resource) => {
    expect(parseArn(arn)).toMatchObject({ ok: true, arn: { resourceType: null, resourceId: resource } });
    expect(resourceTypeFromArn(arn)).toBeNull();
  });
});

describe("parseArn: rejected", () => {
  it.each([
    ["", "malformed"],
    ["i-0abc123", "malformed"],
    ["arn:aws:ec2:us-east-1", "malformed"],
    [` arn:aws:s3:::bucket`, "malformed"],
    [`ARN:aws:s3:::bucket`, "malformed"],
    [`arn:aws:s3:::${"b".repeat(2100)}`, "malformed"],
    [`arn:aws-iso:ec2:us-iso-east-1:${A}:instance/i-1`, "invalid_partition"],
    [`arn::ec2:us-east-1:${A}:instance/i-1`, "invalid_partition"],
    [`arn:AWS:ec2:us-east-1:${A}:instance/i-1`, "invalid_partition"],
    [`arn:aws:EC2:us-east-1:${A}:instance/i-1`, "invalid_service"],
    [`arn:aws::us-east-1:${A}:instance/i-1`, "invalid_service"],
    [`arn:aws:ec2_x:us-east-1:${A}:instance/i-1`, "invalid_service"],
    [`arn:aws:ec2:US-EAST-1:${A}:instance/i-1`, "invalid_region"],
    [`arn:aws:ec2:useast1:${A}:instance/i-1`, "invalid_region"],
    [`arn:aws:ec2:cn-north-1:${A}:instance/i-1`, "invalid_region"], // China region outside aws-cn
    [`arn:aws-cn:ec2:us-east-1:${A}:instance/i-1`, "invalid_region"],
    [`arn:aws-us-gov:ec2:us-east-1:${A}:instance/i-1`, "invalid_region"],
    ["arn:aws:ec2:us-east-1:12345678901:instance/i-1", "invalid_account"],
    ["arn:aws:ec2:us-east-1:1234567890123:instance/i-1", "invalid_account"],
    ["arn:aws:iam::aws:policy/ReadOnlyAccess", "invalid_account"],
    [`arn:aws:ec2:us-east-1:${A}:`, "empty_resource"],
    // Issue 11: whitespace inside the resource part is never part of a real resource id.
    [`arn:aws:ec2:us-east-1:${A}:instance/i-0abc 123`, "invalid_resource"],
    [`arn:aws:ec2:us-east-1:${A}:instance/i-0abc123 `, "invalid_resource"],
    [`arn:aws:ec2:us-east-1:${A}: instance/i-0abc123`, "invalid_resource"],
    [`arn:aws:lambda:eu-west-1:${A}:function:check\tout`, "invalid_resource"],
    ["arn:aws:s3:::my-bucket\n", "invalid_resource"],
    ["arn:aws:s3:::my\u00a0bucket", "invalid_resource"],
    ["arn:aws:s3:::my\u0000bucket", "invalid_resource"],
    [`arn:aws:cloudwatch:us-east-1:${A}:alarm:High CPU `, "invalid_resource"],
    [`arn:aws:cloudwatch:us-east-1:${A}:alarm:High\tCPU`, "invalid_resource"],
    [`arn:aws:glue:us-east-1:${A}:job/nightly\nload`, "invalid_resource"],
  ])("%j -> %s", (arn, reason) => {
    const parsed = parseArn(arn);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.reason).toBe(reason);
      expect(parsed.message.length).toBeGreaterThan(0);
    }
    expect(resourceTypeFromArn(arn)).toBeNull();
  });

  it("keeps an inner space where AWS allows one in the name (CloudWatch alarms, Glue jobs)", () => {
    const alarm = parseArn(`arn:aws:cloudwatch:us-east-1:${A}:alarm:High CPU on web`);
    expect(alarm.ok && alarm.arn.resource).toBe("alarm:High CPU on web");
    const job = parseArn(`arn:aws:glue:us-east-1:${A}:job/nightly load`);
    expect(job.ok && job.arn.resource).toBe("job/nightly load");
  });

  it("names the whitespace it found in the resource part", () => {
    expect(parseArn(`arn:aws:ec2:us-east-1:${A}:instance/i-0abc 123`)).toEqual({
      ok: false,
      reason: "invalid_resource",
      message: 'the resource part "instance/i-0abc 123" contains whitespace or a control character',
    });
  });

  it("says what is wrong", () => {
    expect(parseArn(`arn:aws:ec2:us-east-1:123:instance/i-1`)).toEqual({
      ok: false,
      reason: "invalid_account",
      message: 'account "123" must be 12 digits or empty',
    });
    expect(parseArn("arn:aws:ec2:cn-north-1::instance/i-1")).toEqual({
      ok: false,
      reason: "invalid_region",
      message: 'region "cn-north-1" is not in partition aws',
    });
  });
});
