// opensearch:domain: ListDomainNames (every name at once, no pagination), then DescribeDomains five
// names a call for each domain's state: one AWS is deleting (Deleted true) is excluded, even if the
// Tagging walk returned it. Tags come from the walk, or ListTags per domain when it failed.
import {
  DescribeDomainsCommand,
  ListDomainNamesCommand,
  ListTagsCommand,
  OpenSearchClient,
} from "@aws-sdk/client-opensearch";
import { arnOf, tagsFromList } from "../arn";
import { unlessGone } from "./gone";
import { forEachItem } from "./paginate";
import type { ListedResource, Lister } from "./types";

/** DescribeDomains accepts at most five names. */
const DESCRIBE_BATCH = 5;

export const openSearchDomains: Lister = {
  type: "opensearch:domain",
  actions: ["es:ListDomainNames", "es:DescribeDomains", "es:ListTags"],
  async list(ctx) {
    const opensearch = ctx.scan.clients.get(OpenSearchClient, ctx.region);
    const listed = await ctx.scan.call(ctx.region, "page", (abortSignal) =>
      opensearch.send(new ListDomainNamesCommand({}), { abortSignal }),
    );
    ctx.scan.page();
    const names = (listed.DomainNames ?? []).flatMap((d) => (d.DomainName ? [d.DomainName] : []));
    const batches: string[][] = [];
    for (let i = 0; i < names.length; i += DESCRIBE_BATCH) batches.push(names.slice(i, i + DESCRIBE_BATCH));
    const found: Omit<ListedResource, "tags">[] = [];
    await forEachItem(batches, async (DomainNames) => {
      const out = await ctx.scan.call(ctx.region, "item", (abortSignal) =>
        opensearch.send(new DescribeDomainsCommand({ DomainNames }), { abortSignal }),
      );
      // A name DescribeDomains leaves out was deleted since ListDomainNames.
      for (const d of out.DomainStatusList ?? []) {
        if (!d.DomainName) continue;
        const arn = d.ARN ?? arnOf("es", ctx, `domain/${d.DomainName}`);
        if (d.Deleted) {
          ctx.exclude(arn);
          continue;
        }
        found.push({
          arn,
          id: d.DomainName,
          type: "opensearch:domain",
          region: ctx.region,
          state: d.DomainProcessingStatus ?? (d.Processing ? "Processing" : "Active"),
          created_at: null,
        });
      }
    });
    found.sort((a, b) => (a.id < b.id ? -1 : 1));
    const tagged = await ctx.taggedLookup();
    if (tagged) {
      for (const r of found) ctx.emit(tagged(r.arn) ? r : { ...r, tags: {} });
      return;
    }
    await forEachItem(found, async (r) => {
      const out = await unlessGone(
        ctx.scan.call(ctx.region, "item", (abortSignal) =>
          opensearch.send(new ListTagsCommand({ ARN: r.arn }), { abortSignal }),
        ),
      );
      if (out) ctx.emit({ ...r, tags: tagsFromList(out.TagList) });
    });
  },
};
