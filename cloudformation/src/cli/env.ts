// The CLI's environment, parsed once at its entry (main.ts) and passed to the commands.
import { z } from "zod";
import { UsageError } from "./usage-error";

const cliEnvSchema = z.object({
  PLATFORM_ACCOUNT_ID: z.string().optional(),
  SCANNER_ROLE_PATTERN: z.string().optional(),
  /** The sandbox or moto; S3 is then addressed path-style, as local emulators need. */
  AWS_ENDPOINT_URL: z.url().optional(),
});
export type CliEnv = z.infer<typeof cliEnvSchema>;

export function parseCliEnv(source: Record<string, string | undefined> = process.env): CliEnv {
  const parsed = cliEnvSchema.safeParse(source);
  if (!parsed.success) {
    const [issue] = parsed.error.issues;
    throw new UsageError(`${issue?.path.join(".") ?? "environment"}: ${issue?.message ?? "invalid"}`);
  }
  return parsed.data;
}
