// Glue GetTags: any Glue resource's tags as a map, by ARN. An ARN in another account is denied; an
// unknown resource is EntityNotFoundException, as AWS documents (moto answers an empty map).
import { AwsError } from "../../errors";
import type { OperationTable } from "../../protocol/operation";
import { arnAccount, crossAccountDenied, optionalString } from "../common";
import { invalidInput } from "./names";

export const tags: OperationTable = {
  GetTags: {
    action: "glue:GetTags",
    handle: (ctx, input) => {
      const arn = optionalString(input, "ResourceArn");
      if (!arn || !/^arn:aws(-[a-z-]+)?:glue:/.test(arn))
        throw invalidInput("ResourceArn is not a valid Glue ARN.");
      if (arnAccount(arn) !== ctx.account.id) throw crossAccountDenied(ctx, "glue:GetTags", arn);
      const found = (ctx.account.byRegion.get(ctx.region) ?? []).find(
        (r) => r.type.startsWith("glue:") && r.arn === arn,
      );
      if (!found) throw new AwsError("EntityNotFoundException", `Resource ${arn} not found.`);
      return { Tags: { ...found.tags } };
    },
  },
};
