// kms:key: ListKeys, then DescribeKey for each key the Tagging walk did not return, to keep
// customer-managed keys only (AWS-managed keys belong to a service and cannot be tagged). A key
// the walk returned is customer managed (only those carry tags) and known with its tags. When the
// walk failed, every key is described and a customer key's tags read (ListResourceTags, paged).
// Keys pending deletion are excluded: they are on their way out.
import { DescribeKeyCommand, KMSClient, ListKeysCommand, ListResourceTagsCommand } from "@aws-sdk/client-kms";
import { isoOrNull } from "../arn";
import { unlessGone } from "./gone";
import { eachPage, forEachItem } from "./paginate";
import type { Lister, ListerContext } from "./types";

async function tagsOf(ctx: ListerContext, kms: KMSClient, KeyId: string) {
  const tags: Record<string, string> = {};
  await eachPage(
    ctx,
    (Marker, abortSignal) => kms.send(new ListResourceTagsCommand({ KeyId, Marker }), { abortSignal }),
    (page) => (page.Truncated ? page.NextMarker : undefined),
    (page) => {
      for (const tag of page.Tags ?? []) if (tag.TagKey) tags[tag.TagKey] = tag.TagValue ?? "";
    },
  );
  return tags;
}

/** KMS answers a key deleted since the list with NotFoundException. */
async function unlessDeleted<T>(call: Promise<T>): Promise<T | undefined> {
  try {
    return await unlessGone(call);
  } catch (error) {
    if (error instanceof Error && error.name === "NotFoundException") return undefined;
    throw error;
  }
}

export const kmsKeys: Lister = {
  type: "kms:key",
  describesUnwalked: true,
  actions: ["kms:ListKeys", "kms:DescribeKey", "kms:ListResourceTags"],
  async list(ctx) {
    const kms = ctx.scan.clients.get(KMSClient, ctx.region);
    const keys: { id: string; arn: string }[] = [];
    await eachPage(
      ctx,
      (Marker, abortSignal) => kms.send(new ListKeysCommand({ Limit: 1000, Marker }), { abortSignal }),
      (page) => (page.Truncated ? page.NextMarker : undefined),
      (page) => {
        for (const key of page.Keys ?? [])
          if (key.KeyId && key.KeyArn) keys.push({ id: key.KeyId, arn: key.KeyArn });
      },
    );
    const tagged = await ctx.taggedLookup();
    const unknown = keys.filter((key) => !tagged?.(key.arn));
    await forEachItem(unknown, async (key) => {
      const described = await unlessDeleted(
        ctx.scan.call(ctx.region, "item", (abortSignal) =>
          kms.send(new DescribeKeyCommand({ KeyId: key.arn }), { abortSignal }),
        ),
      );
      const meta = described?.KeyMetadata;
      if (meta?.KeyManager !== "CUSTOMER") return;
      const arn = meta.Arn ?? key.arn;
      if (meta.KeyState === "PendingDeletion" || meta.KeyState === "PendingReplicaDeletion") {
        ctx.exclude(arn);
        return;
      }
      const tags = tagged ? {} : await unlessDeleted(tagsOf(ctx, kms, key.id));
      if (!tags) return;
      ctx.emit({
        arn,
        id: key.id,
        type: "kms:key",
        region: ctx.region,
        state: meta.KeyState ?? null,
        created_at: isoOrNull(meta.CreationDate),
        tags,
      });
    });
  },
};
