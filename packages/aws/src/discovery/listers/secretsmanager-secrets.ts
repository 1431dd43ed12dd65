// secretsmanager:secret. ListSecrets carries each secret's Tags inline (never its value), so one
// paginated walk finds untagged secrets too. Secrets scheduled for deletion are asked for and then
// excluded: they are on their way out, and the Tagging API may still return them.
import { ListSecretsCommand, SecretsManagerClient } from "@aws-sdk/client-secrets-manager";
import { isoOrNull, tagsFromList } from "../arn";
import { eachPage } from "./paginate";
import { projectOutput } from "./projection";
import type { Lister } from "./types";

/** What the lister reads of a page (projection.ts: a secret has ~15 more members); tags as parsed. */
const page = projectOutput({
  NextToken: true,
  SecretList: { ARN: true, DeletedDate: true, CreatedDate: true, Tags: "raw" },
});

/** The id the rest of the product shows: the ARN's resource part, "name-AbCdEf" (as core parses it). */
const idOf = (arn: string) => arn.slice(arn.indexOf(":secret:") + ":secret:".length);

export const secretsManagerSecrets: Lister = {
  type: "secretsmanager:secret",
  actions: ["secretsmanager:ListSecrets"],
  async list(ctx) {
    const secrets = ctx.scan.clients.get(SecretsManagerClient, ctx.region);
    await eachPage(
      ctx,
      (NextToken, abortSignal) =>
        secrets.send(
          page(new ListSecretsCommand({ MaxResults: 100, NextToken, IncludePlannedDeletion: true })),
          { abortSignal },
        ),
      (page) => page.NextToken,
      (page) => {
        for (const secret of page.SecretList ?? []) {
          if (!secret.ARN) continue;
          if (secret.DeletedDate) {
            ctx.exclude(secret.ARN);
            continue;
          }
          ctx.emit({
            arn: secret.ARN,
            id: idOf(secret.ARN),
            type: "secretsmanager:secret",
            region: ctx.region,
            state: null,
            created_at: isoOrNull(secret.CreatedDate),
            tags: tagsFromList(secret.Tags),
          });
        }
      },
    );
  },
};
