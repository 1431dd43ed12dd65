// Tool 6: the client's policy, with `all_applicable_resource_types` so the model never guesses types.
import { z } from "zod";
import { getPolicy } from "../policy/get";
import { defineTool } from "./define";

export const getTaggingPolicy = defineTool({
  name: "get_tagging_policy",
  title: "Get the tagging policy",
  description:
    "The client's tagging policy: required and optional tags, allowed values, regexes and, when set, key_matching, value_aliases (alias_treatment) and exclusions; its version and source; and all_applicable_resource_types, the types it covers. Call this first and pass those types to the scanning tools instead of guessing.",
  input: z.strictObject({}),
  output: z.object({
    version: z.number(),
    policy: z.object({
      version: z.string(),
      required_tags: z.array(z.object({ name: z.string(), description: z.string() })),
      optional_tags: z.array(z.object({ name: z.string() })),
    }),
    all_applicable_resource_types: z.array(z.string()),
    required_tag_count: z.number(),
    optional_tag_count: z.number(),
  }),
  mutates: false,
  readsAws: false,
  async run(ctx) {
    const view = await getPolicy({ ctx });
    return {
      ...view,
      required_tag_count: view.policy.required_tags.length,
      optional_tag_count: view.policy.optional_tags.length,
    };
  },
  summarize: (r) =>
    `Policy version ${r.version}: ${r.required_tag_count} required and ${r.optional_tag_count} optional tags.`,
});
