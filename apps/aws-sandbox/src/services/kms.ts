// KMS (JSON 1.1, TrentService): ListKeys (Limit/Marker, Truncated), DescribeKey (key id, ARN or
// alias/...) and ListResourceTags (TagKey/TagValue, 50 a page at most), for the caller's keys in
// the signed region. Seeded keys are customer managed unless KeyManager says AWS.
import { AwsError } from "../errors";
import type { OpContext, OperationTable, OpInput } from "../protocol/operation";
import { page } from "../protocol/paginate";
import type { Resource } from "../world/world";
import {
  arnAccount,
  attr,
  createdAt,
  crossAccountDenied,
  epochSeconds,
  optionalString,
  pageScope,
  regional,
} from "./common";

const validation = (message: string) => new AwsError("ValidationException", message);

function limit(input: OpInput, max: number, fallback: number): number {
  const raw = input.Limit;
  if (raw === undefined || raw === null) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > max)
    throw validation(
      `1 validation error detected: Value '${String(raw)}' at 'limit' failed to satisfy constraint: Member must have value ${value < 1 ? "greater than or equal to 1" : `less than or equal to ${max}`}`,
    );
  return value;
}

/** KMS pages with Marker / NextMarker and says whether more remain with Truncated. */
function kmsPage<T>(ctx: OpContext, operation: string, input: OpInput, items: readonly T[], size: number) {
  const scope = pageScope(ctx, operation, input, ["Marker", "Limit"]);
  const result = page(items, {
    token: optionalString(input, "Marker"),
    size,
    scope,
    code: "InvalidMarkerException",
    param: "Marker",
  });
  return {
    items: result.items,
    more: result.next ? { NextMarker: result.next, Truncated: true } : { Truncated: false },
  };
}

/** A key by id, ARN or alias; another account's ARN is denied, an unknown key is not found. */
function findKey(ctx: OpContext, input: OpInput, action: string): Resource {
  const ref = optionalString(input, "KeyId");
  if (!ref)
    throw validation(
      "1 validation error detected: Value null at 'keyId' failed to satisfy constraint: Member must not be null",
    );
  if (ref.startsWith("arn:") && arnAccount(ref) !== ctx.account.id)
    throw crossAccountDenied(ctx, action, ref);
  const key = regional(ctx, "kms:key").find(
    (r) => r.id === ref || r.arn === ref || attr(r, "AliasName", "") === ref,
  );
  if (!key) {
    const arn = ref.startsWith("arn:") ? ref : `arn:aws:kms:${ctx.region}:${ctx.account.id}:key/${ref}`;
    throw new AwsError("NotFoundException", `Key '${arn}' does not exist`);
  }
  return key;
}

function metadata(r: Resource) {
  const state = r.state ?? "Enabled";
  return {
    AWSAccountId: r.account_id,
    KeyId: r.id,
    Arn: r.arn,
    CreationDate: epochSeconds(createdAt(r)),
    Enabled: state === "Enabled",
    Description: attr(r, "Description", ""),
    KeyUsage: "ENCRYPT_DECRYPT",
    KeyState: state,
    Origin: "AWS_KMS",
    KeyManager: attr(r, "KeyManager", "CUSTOMER"),
    CustomerMasterKeySpec: "SYMMETRIC_DEFAULT",
    KeySpec: "SYMMETRIC_DEFAULT",
    EncryptionAlgorithms: ["SYMMETRIC_DEFAULT"],
    MultiRegion: false,
  };
}

export const kms: OperationTable = {
  ListKeys: {
    action: "kms:ListKeys",
    handle: (ctx, input) => {
      const keys = regional(ctx, "kms:key").map((r) => ({ KeyId: r.id, KeyArn: r.arn }));
      const result = kmsPage(ctx, "ListKeys", input, keys, limit(input, 1000, 100));
      return { Keys: result.items, ...result.more };
    },
  },
  DescribeKey: {
    action: "kms:DescribeKey",
    handle: (ctx, input) => ({ KeyMetadata: metadata(findKey(ctx, input, "kms:DescribeKey")) }),
  },
  ListResourceTags: {
    action: "kms:ListResourceTags",
    handle: (ctx, input) => {
      const key = findKey(ctx, input, "kms:ListResourceTags");
      const tags = Object.entries(key.tags).map(([TagKey, TagValue]) => ({ TagKey, TagValue }));
      const result = kmsPage(ctx, "ListResourceTags", input, tags, limit(input, 50, 50));
      return { Tags: result.items, ...result.more };
    },
  },
};
