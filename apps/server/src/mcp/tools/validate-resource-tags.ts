import { validateResourceTags } from "@tagc/services";
import { z } from "zod";
import { defineTool } from "../define";
import { dataQuality } from "../schemas";

const ARN = z
  .string()
  .max(2048)
  .regex(
    /^arn:aws(-cn|-us-gov)?:[a-z0-9-]+:[a-z0-9-]*:(\d{12})?:.+$/,
    "must be an ARN: arn:partition:service:region:account:resource",
  );

export const validateResourceTagsTool = defineTool({
  name: "validate_resource_tags",
  title: "Validate specific resources",
  description:
    "Validates up to 100 resources by ARN against the policy. ARNs must belong to the client's own AWS account(s). A resource AWS does not know is reported as not_found (it is not reported as missing every tag).",
  input: z.strictObject({ resource_arns: z.array(ARN).min(1).max(100, "at most 100 ARNs per call") }),
  output: z.looseObject({
    results: z.array(z.looseObject({ resource_arn: z.string(), status: z.enum(["found", "not_found"]) })),
    summary: z.looseObject({ total: z.number() }),
    data_quality: dataQuality,
  }),
  readsAws: true,
  run: (ctx, input) => validateResourceTags({ ctx, input }),
  summarize: (r) => {
    const s = r.summary as Record<string, number>;
    return `${s.compliant} compliant, ${s.non_compliant} non-compliant, ${s.not_found} not found (of ${s.total}).`;
  },
});
