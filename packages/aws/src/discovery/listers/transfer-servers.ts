// transfer:server (Transfer Family SFTP/FTPS/FTP/AS2 servers): ListServers (1,000 a page, by
// NextToken) carries each server's ARN and state but no tags. Servers the Tagging walk returned are
// known with their tags, the others have none; only when the walk failed is ListTagsForResource
// called per server (paginated), and a server it no longer finds was deleted meanwhile and is
// dropped. A stopped (OFFLINE) server is still billed by the hour, so it is reported.
import { ListServersCommand, ListTagsForResourceCommand, TransferClient } from "@aws-sdk/client-transfer";
import { arnOf, tagsFromList } from "../arn";
import { unlessGone } from "./gone";
import { eachPage, forEachItem } from "./paginate";
import type { ListedResource, Lister, ListerContext } from "./types";

async function tagsOf(ctx: ListerContext, transfer: TransferClient, Arn: string) {
  const tags: Record<string, string> = {};
  await eachPage(
    ctx,
    (NextToken, abortSignal) =>
      transfer.send(new ListTagsForResourceCommand({ Arn, MaxResults: 1000, NextToken }), { abortSignal }),
    (page) => page.NextToken,
    (page) => void Object.assign(tags, tagsFromList(page.Tags)),
  );
  return tags;
}

export const transferServers: Lister = {
  type: "transfer:server",
  actions: ["transfer:ListServers", "transfer:ListTagsForResource"],
  async list(ctx) {
    const transfer = ctx.scan.clients.get(TransferClient, ctx.region);
    const found: Omit<ListedResource, "tags">[] = [];
    await eachPage(
      ctx,
      (NextToken, abortSignal) =>
        transfer.send(new ListServersCommand({ MaxResults: 1000, NextToken }), { abortSignal }),
      (page) => page.NextToken,
      (page) => {
        for (const server of page.Servers ?? []) {
          if (!server.ServerId) continue;
          found.push({
            arn: server.Arn ?? arnOf("transfer", ctx, `server/${server.ServerId}`),
            id: server.ServerId,
            type: "transfer:server",
            region: ctx.region,
            state: server.State ?? null,
            // ListServers gives no creation time.
            created_at: null,
          });
        }
      },
    );
    const tagged = await ctx.taggedLookup();
    if (tagged) {
      for (const r of found) ctx.emit(tagged(r.arn) ? r : { ...r, tags: {} });
      return;
    }
    await forEachItem(found, async (r) => {
      const tags = await unlessGone(tagsOf(ctx, transfer, r.arn));
      if (tags) ctx.emit({ ...r, tags });
    });
  },
};
