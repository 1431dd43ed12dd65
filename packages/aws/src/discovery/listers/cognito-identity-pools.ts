// cognito-identity:identitypool: ListIdentityPools (60 a page, the most it allows) gives ids and
// names only. When the Tagging walk ran it vouches for the tags: a pool it returned is emitted
// without tags, one it did not return has none ({}), and no pool is described (DescribeIdentityPool
// would add nothing but the tags). Only when the walk failed is each pool described, for its
// IdentityPoolTags. No call gives an ARN or a creation time; the ARN is written as AWS writes it,
// identitypool/<region>:<uuid>.
import {
  CognitoIdentityClient,
  DescribeIdentityPoolCommand,
  ListIdentityPoolsCommand,
} from "@aws-sdk/client-cognito-identity";
import { arnOf } from "../arn";
import { unlessGone } from "./gone";
import { eachPage, forEachItem } from "./paginate";
import type { Lister } from "./types";

const TYPE = "cognito-identity:identitypool";

export const cognitoIdentityPools: Lister = {
  type: TYPE,
  actions: ["cognito-identity:ListIdentityPools", "cognito-identity:DescribeIdentityPool"],
  async list(ctx) {
    const cognito = ctx.scan.clients.get(CognitoIdentityClient, ctx.region);
    const ids: string[] = [];
    await eachPage(
      ctx,
      (NextToken, abortSignal) =>
        cognito.send(new ListIdentityPoolsCommand({ MaxResults: 60, NextToken }), { abortSignal }),
      (page) => page.NextToken,
      (page) => {
        for (const pool of page.IdentityPools ?? []) if (pool.IdentityPoolId) ids.push(pool.IdentityPoolId);
      },
    );
    const tagged = await ctx.taggedLookup();
    await forEachItem(ids, async (id) => {
      const arn = arnOf("cognito-identity", ctx, `identitypool/${id}`);
      const base = { arn, id, type: TYPE, region: ctx.region, state: null, created_at: null };
      if (tagged) {
        ctx.emit(tagged(arn) ? base : { ...base, tags: {} });
        return;
      }
      const pool = await unlessGone(
        ctx.scan.call(ctx.region, "item", (abortSignal) =>
          cognito.send(new DescribeIdentityPoolCommand({ IdentityPoolId: id }), { abortSignal }),
        ),
      );
      if (!pool) return;
      ctx.emit({ ...base, tags: { ...pool.IdentityPoolTags } });
    });
  },
};
