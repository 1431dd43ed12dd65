import { suggestTags } from "@tagc/services";
import { z } from "zod";
import { defineTool } from "../define";

export const suggestTagsTool = defineTool({
  name: "suggest_tags",
  title: "Suggest tags",
  description:
    "Suggests values for a resource's missing required tags from its name and ARN, similar resources, and inference, each with a confidence and reasoning. Suggestions outside a tag's allowed values are dropped. Present them as suggestions for a human to confirm.",
  input: z.strictObject({ resource_arn: z.string().min(1).max(2048) }),
  output: z.looseObject({
    resource_arn: z.string(),
    suggestions: z.array(z.looseObject({ tag: z.string(), value: z.string(), confidence: z.number() })),
  }),
  readsAws: true,
  run: (ctx, input) => suggestTags({ ctx, input }),
  summarize: (r) => `${(r.suggestions as unknown[]).length} tag suggestions for ${r.resource_arn}.`,
});
