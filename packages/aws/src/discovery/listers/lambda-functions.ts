// lambda:function: ListFunctions (state included). Tags come from the Tagging walk, which vouches
// for them; ListTags per function only when that walk failed.
import { LambdaClient, ListFunctionsCommand, ListTagsCommand } from "@aws-sdk/client-lambda";
import { unlessGone } from "./gone";
import { eachPage, forEachItem } from "./paginate";
import { projectOutput } from "./projection";
import type { Lister } from "./types";

interface Fn {
  arn: string;
  name: string;
  state: string | null;
}

/**
 * What the lister reads of a page: the functions as parsed, unwalked (projection.ts: a function's
 * configuration has ~40 more members; the lister reads three strings of it).
 */
const page = projectOutput({ NextMarker: true, Functions: "raw" });

export const lambdaFunctions: Lister = {
  type: "lambda:function",
  actions: ["lambda:ListFunctions", "lambda:ListTags"],
  async list(ctx) {
    const lambda = ctx.scan.clients.get(LambdaClient, ctx.region);
    const functions: Fn[] = [];
    await eachPage(
      ctx,
      (Marker, abortSignal) =>
        lambda.send(page(new ListFunctionsCommand({ MaxItems: 50, Marker })), { abortSignal }),
      (page) => page.NextMarker,
      (page) => {
        for (const fn of page.Functions ?? []) {
          if (fn.FunctionArn && fn.FunctionName)
            functions.push({ arn: fn.FunctionArn, name: fn.FunctionName, state: fn.State ?? null });
        }
      },
    );
    const tagged = await ctx.taggedLookup();
    await forEachItem(functions, async (fn) => {
      let tags: Record<string, string> | undefined;
      if (!tagged) {
        const out = await unlessGone(
          ctx.scan.call(ctx.region, "item", (abortSignal) =>
            lambda.send(new ListTagsCommand({ Resource: fn.arn }), { abortSignal }),
          ),
        );
        if (!out) return;
        tags = { ...out.Tags };
      } else if (!tagged(fn.arn)) {
        tags = {};
      }
      ctx.emit({
        arn: fn.arn,
        id: fn.name,
        type: "lambda:function",
        region: ctx.region,
        state: fn.state,
        // ListFunctions reports when the code last changed, not when the function was created.
        created_at: null,
        ...(tags ? { tags } : {}),
      });
    });
  },
};
