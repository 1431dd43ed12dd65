// Glue lists jobs and crawlers by name only, with no tags; GetTags reads one resource's tags as a
// map. Listers call it only when the Tagging walk failed, and drop a resource deleted since.
import { GetTagsCommand, type GlueClient } from "@aws-sdk/client-glue";
import { arnOf } from "../arn";
import { unlessGone } from "./gone";
import { forEachItem } from "./paginate";
import type { ListerContext } from "./types";

/** Emits each named resource of `type` (ARN <kind>/<name>): tags from the walk, none, or GetTags. */
export async function emitGlueNames(
  ctx: ListerContext,
  glue: GlueClient,
  type: string,
  kind: string,
  names: readonly string[],
): Promise<void> {
  const found = names.map((name) => ({
    arn: arnOf("glue", ctx, `${kind}/${name}`),
    id: name,
    type,
    region: ctx.region,
    state: null,
    created_at: null,
  }));
  const tagged = await ctx.taggedLookup();
  if (tagged) {
    for (const r of found) ctx.emit(tagged(r.arn) ? r : { ...r, tags: {} });
    return;
  }
  await forEachItem(found, async (r) => {
    const out = await unlessGone(
      ctx.scan.call(ctx.region, "item", (abortSignal) =>
        glue.send(new GetTagsCommand({ ResourceArn: r.arn }), { abortSignal }),
      ),
    );
    if (out) ctx.emit({ ...r, tags: { ...out.Tags } });
  });
}
