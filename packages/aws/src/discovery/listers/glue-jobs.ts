// glue:job: ListJobs (names only, 1000 a page); tags come from the Tagging walk, or GetTags when
// it failed.
import { GlueClient, ListJobsCommand } from "@aws-sdk/client-glue";
import { emitGlueNames } from "./glue-tags";
import { eachPage } from "./paginate";
import type { Lister } from "./types";

export const glueJobs: Lister = {
  type: "glue:job",
  actions: ["glue:ListJobs", "glue:GetTags"],
  async list(ctx) {
    const glue = ctx.scan.clients.get(GlueClient, ctx.region);
    const names: string[] = [];
    await eachPage(
      ctx,
      (NextToken, abortSignal) =>
        glue.send(new ListJobsCommand({ MaxResults: 1000, NextToken }), { abortSignal }),
      (page) => page.NextToken,
      (page) => void names.push(...(page.JobNames ?? [])),
    );
    await emitGlueNames(ctx, glue, "glue:job", "job", names);
  },
};
