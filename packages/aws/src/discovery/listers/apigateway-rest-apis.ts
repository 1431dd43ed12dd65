// apigateway:restapi. GetRestApis (500 a page, the most it allows) carries every API's tags
// inline, so one paginated walk finds untagged APIs and reads tags without a call per API. The
// ARN names the path and carries no account: arn:aws:apigateway:<region>::/restapis/<id>. IAM
// authorizes the call as apigateway:GET on arn:aws:apigateway:<region>::/restapis.
import { APIGatewayClient, GetRestApisCommand } from "@aws-sdk/client-api-gateway";
import { isoOrNull, partitionOf } from "../arn";
import { eachPage } from "./paginate";
import type { Lister } from "./types";

const TYPE = "apigateway:restapi";

export const apiGatewayRestApis: Lister = {
  type: TYPE,
  actions: ["apigateway:GET"],
  async list(ctx) {
    const apigateway = ctx.scan.clients.get(APIGatewayClient, ctx.region);
    await eachPage(
      ctx,
      (position, abortSignal) =>
        apigateway.send(new GetRestApisCommand({ limit: 500, position }), { abortSignal }),
      (page) => page.position,
      (page) => {
        for (const api of page.items ?? []) {
          if (!api.id) continue;
          ctx.emit({
            arn: `arn:${partitionOf(ctx.region)}:apigateway:${ctx.region}::/restapis/${api.id}`,
            id: api.id,
            type: TYPE,
            region: ctx.region,
            state: null,
            created_at: isoOrNull(api.createdDate),
            // An untagged API's entry has no tags member.
            tags: { ...api.tags },
          });
        }
      },
    );
  },
};
