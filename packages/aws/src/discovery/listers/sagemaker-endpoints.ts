// sagemaker:endpoint: ListEndpoints (100 a page) gives each endpoint's ARN (AWS writes the name in
// lower case there), status and creation time; tags come from the Tagging walk, or ListTags when
// it failed. A Deleting endpoint is excluded: it is on its way out, and the Tagging API may still
// return it. A Failed one stays: it exists, carries tags and waits to be deleted.
import { ListEndpointsCommand, SageMakerClient } from "@aws-sdk/client-sagemaker";
import { arnOf, isoOrNull } from "../arn";
import { eachPage } from "./paginate";
import { emitWithTags } from "./sagemaker-tags";
import type { ListedResource, Lister } from "./types";

export const sagemakerEndpoints: Lister = {
  type: "sagemaker:endpoint",
  actions: ["sagemaker:ListEndpoints", "sagemaker:ListTags"],
  async list(ctx) {
    const sagemaker = ctx.scan.clients.get(SageMakerClient, ctx.region);
    const found: Omit<ListedResource, "tags">[] = [];
    await eachPage(
      ctx,
      (NextToken, abortSignal) =>
        sagemaker.send(new ListEndpointsCommand({ MaxResults: 100, NextToken }), { abortSignal }),
      (page) => page.NextToken,
      (page) => {
        for (const e of page.Endpoints ?? []) {
          if (!e.EndpointName) continue;
          const arn = e.EndpointArn ?? arnOf("sagemaker", ctx, `endpoint/${e.EndpointName.toLowerCase()}`);
          if (e.EndpointStatus === "Deleting") {
            ctx.exclude(arn);
            continue;
          }
          found.push({
            arn,
            id: e.EndpointName,
            type: "sagemaker:endpoint",
            region: ctx.region,
            state: e.EndpointStatus ?? null,
            created_at: isoOrNull(e.CreationTime),
          });
        }
      },
    );
    await emitWithTags(ctx, sagemaker, found);
  },
};
