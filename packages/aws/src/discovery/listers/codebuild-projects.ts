// codebuild:project: ListProjects (names only, 100 a page), then BatchGetProjects, up to 100 names
// a call, with the tags inline, only for projects the Tagging walk did not return (they have no
// tag) and for every project when the walk failed. A project the walk returned is emitted from its
// name alone: the walk holds its tags. A project deleted since the listing comes back in
// projectsNotFound and is simply not reported.
import { BatchGetProjectsCommand, CodeBuildClient, ListProjectsCommand } from "@aws-sdk/client-codebuild";
import { arnOf, isoOrNull, tagsFromEcs } from "../arn";
import { eachPage, forEachItem } from "./paginate";
import type { Lister } from "./types";

const TYPE = "codebuild:project";
const BATCH = 100;

export const codebuildProjects: Lister = {
  type: TYPE,
  actions: ["codebuild:ListProjects", "codebuild:BatchGetProjects"],
  async list(ctx) {
    const codebuild = ctx.scan.clients.get(CodeBuildClient, ctx.region);
    const names: string[] = [];
    await eachPage(
      ctx,
      (nextToken, abortSignal) => codebuild.send(new ListProjectsCommand({ nextToken }), { abortSignal }),
      (page) => page.nextToken,
      (page) => void names.push(...(page.projects ?? [])),
    );
    const tagged = await ctx.taggedLookup();
    const base = (name: string) => ({
      arn: arnOf("codebuild", ctx, `project/${name}`),
      id: name,
      type: TYPE,
      region: ctx.region,
      state: null,
    });
    const unknown: string[] = [];
    for (const name of names) {
      if (tagged?.(base(name).arn)) ctx.emit({ ...base(name), created_at: null });
      else unknown.push(name);
    }
    const batches: string[][] = [];
    for (let i = 0; i < unknown.length; i += BATCH) batches.push(unknown.slice(i, i + BATCH));
    await forEachItem(batches, async (batch) => {
      const out = await ctx.scan.call(ctx.region, "item", (abortSignal) =>
        codebuild.send(new BatchGetProjectsCommand({ names: batch }), { abortSignal }),
      );
      for (const project of out.projects ?? []) {
        if (!project.name) continue;
        ctx.emit({
          ...base(project.name),
          arn: project.arn ?? base(project.name).arn,
          created_at: isoOrNull(project.created),
          // CodeBuild spells tags in lower case, as ECS does.
          tags: tagsFromEcs(project.tags),
        });
      }
    });
  },
};
