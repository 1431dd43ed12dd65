// The seed file format. A seed describes a small AWS world: the control plane's own identity, any
// other callers (for untrusted-caller tests), and customer accounts with roles, resources, Cost
// Explorer data and Organizations tag policies. Documented in apps/aws-sandbox/README.md.
import { z } from "zod";

const accountId = z.string().regex(/^\d{12}$/, "must be 12 digits");
const region = z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d$/, "must look like us-east-1");
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "must be YYYY-MM-DD");

const statement = z
  .object({
    Sid: z.string().optional(),
    Effect: z.enum(["Allow", "Deny"]),
    Action: z.union([z.string(), z.array(z.string())]).optional(),
    Principal: z
      .union([z.literal("*"), z.record(z.string(), z.union([z.string(), z.array(z.string())]))])
      .optional(),
    Resource: z.union([z.string(), z.array(z.string())]).optional(),
    Condition: z
      .record(z.string(), z.record(z.string(), z.union([z.string(), z.array(z.string())])))
      .optional(),
  })
  .loose();

export const policyDocumentSchema = z.object({
  Version: z.string().optional(),
  Statement: z.union([statement, z.array(statement)]),
});
export type PolicyDocument = z.infer<typeof policyDocumentSchema>;
export type PolicyStatement = z.infer<typeof statement>;

/** A caller with long-lived keys: an IAM user or a role whose keys we hand out directly. */
export const principalSchema = z.object({
  account_id: accountId,
  /** arn:aws:iam::<account>:role/<name> or :user/<name>. A role caller is "chained" when it assumes another role. */
  arn: z.string().regex(/^arn:aws:iam::\d{12}:(role|user)\/[\w+=,.@/-]+$/, "must be an IAM role or user ARN"),
  access_key_id: z.string().min(16).max(128),
  secret_access_key: z.string().min(16),
  /** Regions in which this caller's STS endpoint is disabled (RegionDisabledException). */
  sts_disabled_regions: z.array(region).default([]),
  /**
   * The caller's identity policy (Action and Resource globs). Absent: the caller may call any
   * action, which keeps older seeds working; present: evaluated like a role session's policy.
   */
  policy: policyDocumentSchema.optional(),
});

export const roleSchema = z.object({
  name: z.string().regex(/^[\w+=,.@-]{1,64}$/),
  trust_policy: policyDocumentSchema,
  permissions_policy: policyDocumentSchema,
  max_session_duration: z.number().int().min(3600).max(43200).default(3600),
});

export const resourceSchema = z.object({
  /** Catalog type, e.g. "ec2:instance", "s3:bucket", "rds:db". */
  type: z.string().regex(/^[a-z0-9-]+:[a-z0-9-]+$/),
  region: region,
  /** The short id (i-..., bucket name, function name). */
  id: z.string().min(1),
  /** Derived from type, region, account and id when omitted. */
  arn: z.string().optional(),
  tags: z.record(z.string(), z.string()).default({}),
  /** Lifecycle state for types that have one (running, stopped, terminated, available...). */
  state: z.string().optional(),
  created_at: z.string().datetime({ offset: true }).optional(),
  /** Extra attributes the listers return (InstanceType, Size, Engine, Runtime, cluster name...). */
  attributes: z.record(z.string(), z.unknown()).default({}),
});

export const costSchema = z.object({
  /** Inclusive start, exclusive end, like Cost Explorer's TimePeriod. Amounts are prorated by day. */
  start: isoDate,
  end: isoDate,
  service: z.string().min(1),
  amount: z.number().nonnegative(),
  /** The Name tag value this spend carries; omitted means untagged ("Name$"). */
  name: z.string().optional(),
  /**
   * The USAGE_TYPE dimension value ("USW2-EBS:VolumeUsage.gp3", "NatGateway-Hours"...): AWS bills
   * every line item under one. Omitted, GroupBy USAGE_TYPE reports it as "NoUsageType".
   */
  usage_type: z.string().min(1).optional(),
});

/** One row of ce:ListCostAllocationTags: a tag key and whether it is activated for cost allocation. */
export const costAllocationTagSchema = z.object({
  key: z.string().max(1024),
  type: z.enum(["UserDefined", "AWSGenerated"]).default("UserDefined"),
  status: z.enum(["Active", "Inactive"]),
  /** When the key was last activated or deactivated. */
  last_updated: z.string().datetime({ offset: true }).optional(),
  /** The last month the key was used on a resource. */
  last_used: z.string().datetime({ offset: true }).optional(),
});

export const tagPolicySchema = z.object({
  id: z.string().regex(/^p-[0-9a-z]{8,128}$/, "must look like p-abcd1234"),
  name: z.string().min(1),
  description: z.string().default(""),
  /** The tag policy document (AWS Organizations syntax). */
  content: z.record(z.string(), z.unknown()),
  targets: z
    .array(
      z.object({
        id: z.string(),
        name: z.string(),
        type: z.enum(["ROOT", "ORGANIZATIONAL_UNIT", "ACCOUNT"]),
      }),
    )
    .default([]),
});

export const accountSchema = z.object({
  account_id: accountId,
  name: z.string().default(""),
  /** Enabled regions; DescribeRegions answers these (AllRegions adds the rest as not-opted-in). */
  regions: z.array(region).min(1),
  roles: z.array(roleSchema).default([]),
  resources: z.array(resourceSchema).default([]),
  costs: z.array(costSchema).default([]),
  /** Tag keys Cost Explorer knows for this account, and which are activated for cost allocation. */
  cost_allocation_tags: z.array(costAllocationTagSchema).default([]),
  /** null: the account is in no organization (AWSOrganizationsNotInUseException). */
  organization: z
    .object({ id: z.string(), tag_policies: z.array(tagPolicySchema).default([]) })
    .nullable()
    .default(null),
});

export const seedSchema = z.object({
  /** The control plane's own caller identity (its account, role ARN and keys). */
  control_plane: principalSchema,
  /** Other callers, e.g. an untrusted account or a role outside the aws:PrincipalArn pattern. */
  principals: z.array(principalSchema).default([]),
  accounts: z.array(accountSchema).default([]),
});

export type Seed = z.infer<typeof seedSchema>;
export type SeedInput = z.input<typeof seedSchema>;
export type PrincipalSeed = z.infer<typeof principalSchema>;
export type AccountSeed = z.infer<typeof accountSchema>;
export type AccountSeedInput = z.input<typeof accountSchema>;
export type RoleSeed = z.infer<typeof roleSchema>;
export type RoleSeedInput = z.input<typeof roleSchema>;
export type ResourceSeed = z.infer<typeof resourceSchema>;
export type ResourceSeedInput = z.input<typeof resourceSchema>;
export type CostSeed = z.infer<typeof costSchema>;
export type CostAllocationTagSeed = z.infer<typeof costAllocationTagSchema>;
