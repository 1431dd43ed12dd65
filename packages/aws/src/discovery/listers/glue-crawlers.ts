// glue:crawler: ListCrawlers (names only, 1000 a page); tags come from the Tagging walk, or
// GetTags when it failed.
import { GlueClient, ListCrawlersCommand } from "@aws-sdk/client-glue";
import { emitGlueNames } from "./glue-tags";
import { eachPage } from "./paginate";
import type { Lister } from "./types";

export const glueCrawlers: Lister = {
  type: "glue:crawler",
  actions: ["glue:ListCrawlers", "glue:GetTags"],
  async list(ctx) {
    const glue = ctx.scan.clients.get(GlueClient, ctx.region);
    const names: string[] = [];
    await eachPage(
      ctx,
      (NextToken, abortSignal) =>
        glue.send(new ListCrawlersCommand({ MaxResults: 1000, NextToken }), { abortSignal }),
      (page) => page.NextToken,
      (page) => void names.push(...(page.CrawlerNames ?? [])),
    );
    await emitGlueNames(ctx, glue, "glue:crawler", "crawler", names);
  },
};
