// The sandbox's in-memory AWS: accounts with their roles, resources, costs and organization, the
// long-lived callers from the seed, and the temporary sessions AssumeRole hands out.
import { randomBytes } from "node:crypto";
import type { Stack } from "../cfn/types";
import {
  type AccountSeed,
  type AccountSeedInput,
  accountSchema,
  type CostAllocationTagSeed,
  type CostSeed,
  type PolicyDocument,
  type PrincipalSeed,
  type ResourceSeed,
  type RoleSeed,
  type RoleSeedInput,
  roleSchema,
  type Seed,
} from "../seed/schema";
import { arnFor } from "./arn";

export interface Resource extends ResourceSeed {
  arn: string;
  account_id: string;
}

/** An S3 object as PutObject stored it. */
export interface StoredObject {
  body: Buffer;
  contentType: string;
  /** Quoted hex MD5 of the body, as S3 reports a single-part upload's ETag. */
  etag: string;
  lastModified: number;
}

export interface Account {
  id: string;
  name: string;
  regions: string[];
  roles: Map<string, RoleSeed>;
  /** Every resource, and the same objects indexed by region for the per-region listers. */
  resources: Resource[];
  byRegion: Map<string, Resource[]>;
  costs: CostSeed[];
  costAllocationTags: CostAllocationTagSeed[];
  organization: AccountSeed["organization"];
}

/** Who is calling: a seeded caller with long-lived keys, or a session from AssumeRole. */
export interface Identity {
  accountId: string;
  /** IAM ARN used in trust evaluation (the role ARN for a session). */
  principalArn: string;
  /** What GetCallerIdentity answers (an sts assumed-role ARN for a session). */
  callerArn: string;
  userId: string;
  secret: string;
  /** A long-lived caller's identity policy; absent means the caller may call anything. */
  policy?: PolicyDocument;
  /** Role sessions: which role, its session token and expiry. */
  session?: { roleName: string; token: string; expiresAt: number; sourceIdentity?: string };
  /** True when this identity is itself a role, so AssumeRole from it is role chaining. */
  isRole: boolean;
}

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
const randomId = (length: number) =>
  Array.from(randomBytes(length), (byte) => ALPHABET[byte % ALPHABET.length]).join("");

export class World {
  readonly accounts = new Map<string, Account>();
  private readonly keys = new Map<string, Identity>();
  readonly controlPlane: PrincipalSeed;
  /**
   * S3 objects by bucket name, then key. Bucket names are global, so one map serves every account;
   * which account owns a bucket is its s3:bucket resource.
   */
  readonly objects = new Map<string, Map<string, StoredObject>>();
  /** CloudFormation stacks of every account and region, deleted ones included (DescribeStacks by id). */
  readonly stacks: Stack[] = [];

  constructor(
    seed: Seed,
    readonly now: () => number = Date.now,
  ) {
    this.controlPlane = seed.control_plane;
    for (const principal of [seed.control_plane, ...seed.principals]) this.addPrincipal(principal);
    for (const account of seed.accounts) this.putAccount(account);
  }

  addPrincipal(principal: PrincipalSeed): void {
    const isRole = principal.arn.includes(":role/");
    const name = principal.arn.split("/").pop() ?? "caller";
    this.keys.set(principal.access_key_id, {
      accountId: principal.account_id,
      principalArn: principal.arn,
      callerArn: isRole ? `arn:aws:sts::${principal.account_id}:assumed-role/${name}/${name}` : principal.arn,
      userId: `${isRole ? "AROA" : "AIDA"}${randomId(17)}${isRole ? `:${name}` : ""}`,
      secret: principal.secret_access_key,
      ...(principal.policy ? { policy: principal.policy } : {}),
      isRole,
    });
  }

  /** Adds or replaces a whole account (used by the seed and the admin endpoint). */
  putAccount(input: AccountSeedInput | AccountSeed): Account {
    const seed = accountSchema.parse(input);
    const resources = seed.resources.map((r) => ({
      ...r,
      account_id: seed.account_id,
      arn: r.arn ?? arnFor(r.type, r.region, seed.account_id, r.id, r.attributes),
    }));
    const byRegion = new Map<string, Resource[]>();
    for (const resource of resources) {
      const list = byRegion.get(resource.region) ?? [];
      list.push(resource);
      byRegion.set(resource.region, list);
    }
    const account: Account = {
      id: seed.account_id,
      name: seed.name,
      regions: seed.regions,
      roles: new Map(seed.roles.map((role) => [role.name, role])),
      resources,
      byRegion,
      costs: seed.costs,
      costAllocationTags: seed.cost_allocation_tags,
      organization: seed.organization,
    };
    this.accounts.set(account.id, account);
    return account;
  }

  /** Creates or replaces a role at run time (e.g. edit its trust to test revocation). */
  putRole(accountId: string, input: RoleSeedInput): RoleSeed {
    const account = this.requireAccount(accountId);
    const role = roleSchema.parse(input);
    account.roles.set(role.name, role);
    return role;
  }

  deleteRole(accountId: string, roleName: string): boolean {
    return this.requireAccount(accountId).roles.delete(roleName);
  }

  /** The account, created empty on first write (the operator's own account is often unseeded). */
  ensureAccount(accountId: string): Account {
    return this.accounts.get(accountId) ?? this.putAccount({ account_id: accountId, regions: ["us-east-1"] });
  }

  /** The s3:bucket resource of that name in whichever account owns it. */
  findBucket(name: string): Resource | undefined {
    for (const account of this.accounts.values()) {
      const bucket = account.resources.find((r) => r.type === "s3:bucket" && r.id === name);
      if (bucket) return bucket;
    }
    return undefined;
  }

  /** Adds a resource created at run time (CreateBucket) to its account and region index. */
  addResource(accountId: string, seed: ResourceSeed): Resource {
    const account = this.ensureAccount(accountId);
    const resource: Resource = {
      ...seed,
      account_id: accountId,
      arn: seed.arn ?? arnFor(seed.type, seed.region, accountId, seed.id, seed.attributes),
    };
    account.resources.push(resource);
    const list = account.byRegion.get(resource.region) ?? [];
    list.push(resource);
    account.byRegion.set(resource.region, list);
    return resource;
  }

  requireAccount(accountId: string): Account {
    const account = this.accounts.get(accountId);
    if (!account) throw new Error(`unknown account ${accountId}`);
    return account;
  }

  identityFor(accessKeyId: string): Identity | undefined {
    return this.keys.get(accessKeyId);
  }

  /** Mints temporary credentials acting as `roleName` in `accountId`. */
  issueSession(
    accountId: string,
    roleName: string,
    sessionName: string,
    durationSeconds: number,
    sourceIdentity?: string,
  ) {
    const accessKeyId = `ASIA${randomId(16)}`;
    const secret = randomBytes(30).toString("base64");
    const token = randomBytes(96).toString("base64");
    // AWS reports expiry to the second.
    const expiresAt = Math.floor((this.now() + durationSeconds * 1000) / 1000) * 1000;
    const roleId = `AROA${randomId(17)}`;
    const identity: Identity = {
      accountId,
      principalArn: `arn:aws:iam::${accountId}:role/${roleName}`,
      callerArn: `arn:aws:sts::${accountId}:assumed-role/${roleName}/${sessionName}`,
      userId: `${roleId}:${sessionName}`,
      secret,
      session: { roleName, token, expiresAt, ...(sourceIdentity ? { sourceIdentity } : {}) },
      isRole: true,
    };
    this.keys.set(accessKeyId, identity);
    return { accessKeyId, secret, token, expiresAt, roleId, identity };
  }
}
