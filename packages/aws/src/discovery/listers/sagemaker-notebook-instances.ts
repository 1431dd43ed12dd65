// sagemaker:notebook-instance: ListNotebookInstances (100 a page) gives each instance's ARN, status
// and creation time; tags come from the Tagging walk, or ListTags when it failed. A Deleting
// instance is excluded; a Stopped one stays (its storage is still billed).
import { ListNotebookInstancesCommand, SageMakerClient } from "@aws-sdk/client-sagemaker";
import { arnOf, isoOrNull } from "../arn";
import { eachPage } from "./paginate";
import { emitWithTags } from "./sagemaker-tags";
import type { ListedResource, Lister } from "./types";

export const sagemakerNotebookInstances: Lister = {
  type: "sagemaker:notebook-instance",
  actions: ["sagemaker:ListNotebookInstances", "sagemaker:ListTags"],
  async list(ctx) {
    const sagemaker = ctx.scan.clients.get(SageMakerClient, ctx.region);
    const found: Omit<ListedResource, "tags">[] = [];
    await eachPage(
      ctx,
      (NextToken, abortSignal) =>
        sagemaker.send(new ListNotebookInstancesCommand({ MaxResults: 100, NextToken }), { abortSignal }),
      (page) => page.NextToken,
      (page) => {
        for (const n of page.NotebookInstances ?? []) {
          if (!n.NotebookInstanceName) continue;
          const arn =
            n.NotebookInstanceArn ??
            arnOf("sagemaker", ctx, `notebook-instance/${n.NotebookInstanceName.toLowerCase()}`);
          if (n.NotebookInstanceStatus === "Deleting") {
            ctx.exclude(arn);
            continue;
          }
          found.push({
            arn,
            id: n.NotebookInstanceName,
            type: "sagemaker:notebook-instance",
            region: ctx.region,
            state: n.NotebookInstanceStatus ?? null,
            created_at: isoOrNull(n.CreationTime),
          });
        }
      },
    );
    await emitWithTags(ctx, sagemaker, found);
  },
};
