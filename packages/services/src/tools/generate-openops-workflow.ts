// Tool 10: an OpenOps YAML workflow that notifies, auto-tags or reports when compliance drops below a
// threshold, on a schedule. Computed by core's generateOpenOpsWorkflow.
import { generateOpenOpsWorkflow, openOpsInputSchema } from "@tagc/core";
import { z } from "zod";
import { defineTool } from "./define";
import { policyOf } from "./generator-policy";

export const generateOpenopsWorkflow = defineTool({
  name: "generate_openops_workflow",
  title: "OpenOps workflow",
  description:
    "Generates an OpenOps YAML workflow that notifies, auto-tags or reports when compliance drops below a threshold, on a schedule (daily, weekly, monthly or a 5-field cron).",
  input: openOpsInputSchema,
  output: z.object({
    yaml: z.string(),
    workflow: z.object({ name: z.string() }),
    cron: z.string().describe("The workflow's schedule as a 5-field cron expression (UTC)"),
    counts: z.object({ steps: z.number(), resource_types: z.number(), target_tags: z.number() }),
    warnings: z.array(z.string()),
  }),
  mutates: false,
  readsAws: false,
  run: async (ctx, input) => ({ ...generateOpenOpsWorkflow(await policyOf(ctx), input, ctx.deps.now()) }),
  summarize: (r) => `OpenOps workflow generated.\n\n${r.yaml.slice(0, 3000)}`,
});
