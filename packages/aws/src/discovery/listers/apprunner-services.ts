// apprunner:service: ListServices (20 a page, by NextToken) carries each service's ARN, status and
// creation time but no tags. Services the Tagging walk returned are known with their tags, the others
// have none; only when the walk failed is ListTagsForResource called per service, and a service it no
// longer finds was deleted meanwhile and is dropped. Deleted services are excluded. The ARN ends in
// the service id, so it is taken from the answer, never built.
import { AppRunnerClient, ListServicesCommand, ListTagsForResourceCommand } from "@aws-sdk/client-apprunner";
import { isoOrNull, tagsFromList } from "../arn";
import { unlessGone } from "./gone";
import { eachPage, forEachItem } from "./paginate";
import type { ListedResource, Lister } from "./types";

export const apprunnerServices: Lister = {
  type: "apprunner:service",
  actions: ["apprunner:ListServices", "apprunner:ListTagsForResource"],
  async list(ctx) {
    const apprunner = ctx.scan.clients.get(AppRunnerClient, ctx.region);
    const found: Omit<ListedResource, "tags">[] = [];
    await eachPage(
      ctx,
      (NextToken, abortSignal) =>
        apprunner.send(new ListServicesCommand({ MaxResults: 20, NextToken }), { abortSignal }),
      (page) => page.NextToken,
      (page) => {
        for (const service of page.ServiceSummaryList ?? []) {
          const arn = service.ServiceArn;
          if (!arn || !service.ServiceName) continue;
          if (service.Status === "DELETED") {
            ctx.exclude(arn);
            continue;
          }
          found.push({
            arn,
            id: service.ServiceName,
            type: "apprunner:service",
            region: ctx.region,
            state: service.Status ?? null,
            created_at: isoOrNull(service.CreatedAt),
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
      const out = await unlessGone(
        ctx.scan.call(ctx.region, "item", (abortSignal) =>
          apprunner.send(new ListTagsForResourceCommand({ ResourceArn: r.arn }), { abortSignal }),
        ),
      );
      if (out) ctx.emit({ ...r, tags: tagsFromList(out.Tags) });
    });
  },
};
