import { getTaggingPolicy } from "@tagc/services";
import { z } from "zod";
import { defineTool } from "../define";

export const getTaggingPolicyTool = defineTool({
  name: "get_tagging_policy",
  title: "Get the tagging policy",
  description:
    "The client's tagging policy (required and optional tags, allowed values, regexes), its version and source, and all_applicable_resource_types: the scannable types the policy covers. Call this first and pass those types to the scanning tools instead of guessing.",
  input: z.strictObject({}),
  output: z.looseObject({
    version: z.number(),
    policy: z.looseObject({}),
    all_applicable_resource_types: z.array(z.string()),
  }),
  readsAws: false,
  run: (ctx) => getTaggingPolicy({ ctx }),
  summarize: (r) =>
    `Policy version ${r.version}: ${r.required_tag_count} required and ${r.optional_tag_count} optional tags.`,
});
