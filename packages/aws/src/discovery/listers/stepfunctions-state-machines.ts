// stepfunctions:statemachine: ListStateMachines (1000 a page) gives each state machine's ARN and
// creation date but no tags; tags come from the Tagging walk, or ListTagsForResource when it failed.
import { ListStateMachinesCommand, ListTagsForResourceCommand, SFNClient } from "@aws-sdk/client-sfn";
import { arnOf, isoOrNull, tagsFromEcs } from "../arn";
import { unlessGone } from "./gone";
import { eachPage, forEachItem } from "./paginate";
import type { ListedResource, Lister } from "./types";

export const stepFunctionsStateMachines: Lister = {
  type: "stepfunctions:statemachine",
  actions: ["states:ListStateMachines", "states:ListTagsForResource"],
  async list(ctx) {
    const sfn = ctx.scan.clients.get(SFNClient, ctx.region);
    const found: Omit<ListedResource, "tags">[] = [];
    await eachPage(
      ctx,
      (nextToken, abortSignal) =>
        sfn.send(new ListStateMachinesCommand({ maxResults: 1000, nextToken }), { abortSignal }),
      (page) => page.nextToken,
      (page) => {
        for (const m of page.stateMachines ?? []) {
          if (!m.name) continue;
          found.push({
            arn: m.stateMachineArn ?? arnOf("states", ctx, `stateMachine:${m.name}`),
            id: m.name,
            type: "stepfunctions:statemachine",
            region: ctx.region,
            state: null,
            created_at: isoOrNull(m.creationDate),
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
          sfn.send(new ListTagsForResourceCommand({ resourceArn: r.arn }), { abortSignal }),
        ),
      );
      // Step Functions spells tags key/value in lower case, as ECS does.
      if (out) ctx.emit({ ...r, tags: tagsFromEcs(out.tags) });
    });
  },
};
