// cognito-idp:userpool: ListUserPools (60 a page, the most it allows) gives every pool's id and
// creation date, but no tags. When the Tagging walk ran it vouches for them: a pool it returned is
// emitted without tags (the walk holds them), one it did not return has none ({}), and no pool is
// described (DescribeUserPool would add nothing but the tags). Only when the walk failed is each
// pool described, for its UserPoolTags.
import {
  CognitoIdentityProviderClient,
  DescribeUserPoolCommand,
  ListUserPoolsCommand,
  type UserPoolDescriptionType,
} from "@aws-sdk/client-cognito-identity-provider";
import { arnOf, isoOrNull } from "../arn";
import { unlessGone } from "./gone";
import { eachPage, forEachItem } from "./paginate";
import type { Lister } from "./types";

const TYPE = "cognito-idp:userpool";

export const cognitoUserPools: Lister = {
  type: TYPE,
  actions: ["cognito-idp:ListUserPools", "cognito-idp:DescribeUserPool"],
  async list(ctx) {
    const cognito = ctx.scan.clients.get(CognitoIdentityProviderClient, ctx.region);
    const pools: (UserPoolDescriptionType & { Id: string })[] = [];
    await eachPage(
      ctx,
      (NextToken, abortSignal) =>
        cognito.send(new ListUserPoolsCommand({ MaxResults: 60, NextToken }), { abortSignal }),
      (page) => page.NextToken,
      (page) => {
        for (const pool of page.UserPools ?? []) if (pool.Id) pools.push({ ...pool, Id: pool.Id });
      },
    );
    const tagged = await ctx.taggedLookup();
    const arnOfPool = (id: string) => arnOf("cognito-idp", ctx, `userpool/${id}`);
    await forEachItem(pools, async (listed) => {
      const arn = arnOfPool(listed.Id);
      const base = { arn, id: listed.Id, type: TYPE, region: ctx.region, state: null };
      if (tagged) {
        const created_at = isoOrNull(listed.CreationDate);
        ctx.emit(tagged(arn) ? { ...base, created_at } : { ...base, created_at, tags: {} });
        return;
      }
      const out = await unlessGone(
        ctx.scan.call(ctx.region, "item", (abortSignal) =>
          cognito.send(new DescribeUserPoolCommand({ UserPoolId: listed.Id }), { abortSignal }),
        ),
      );
      const pool = out?.UserPool;
      if (!pool) return;
      ctx.emit({
        ...base,
        arn: pool.Arn ?? arn,
        created_at: isoOrNull(pool.CreationDate ?? listed.CreationDate),
        tags: { ...pool.UserPoolTags },
      });
    });
  },
};
