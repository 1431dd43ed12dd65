import { getPolicy } from "../../policy/get";
import type { ToolCtx } from "../context";

/** The client's policy, with `all_applicable_resource_types` so the model never guesses types. */
export async function getTaggingPolicy({ ctx }: { ctx: ToolCtx }) {
  const view = await getPolicy({ ctx });
  const { policy } = view;
  return {
    ...view,
    required_tag_count: policy.required_tags.length,
    optional_tag_count: policy.optional_tags.length,
  };
}
