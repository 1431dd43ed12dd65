// `pnpm tagc <command>`: operator commands. This entry is the only place the CLI exits; the
// environment is parsed once (env.ts) and commands get parsed options and return lines.
import { parseCliEnv } from "./env";
import { parsePublishArgs, publishTemplateCommand } from "./publish-template";
import { UsageError } from "./usage-error";

const USAGE = `usage: pnpm tagc publish-template --bucket BUCKET --region REGION
         [--platform-account-id ACCOUNT] [--scanner-role-pattern PATTERN] [--prefix templates/]
  Renders the customer role and StackSet templates for this operator and uploads them to S3 under
  versioned keys. Defaults: PLATFORM_ACCOUNT_ID, SCANNER_ROLE_PATTERN (tagc-scanner-*);
  AWS_ENDPOINT_URL points at a local emulator.`;

async function main(argv: string[]): Promise<number> {
  const [command, ...args] = argv;
  if (command === "publish-template") {
    const lines = await publishTemplateCommand(parsePublishArgs(args, parseCliEnv()));
    process.stdout.write(`${lines.join("\n")}\n`);
    return 0;
  }
  if (command === undefined || command === "help" || command === "--help") {
    process.stdout.write(`${USAGE}\n`);
    return command === undefined ? 2 : 0;
  }
  throw new UsageError(`unknown command ${command}`);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    // A usage error is the operator's to fix: one line and the usage, no stack trace.
    if (error instanceof UsageError) {
      process.stderr.write(`tagc: ${error.message}\n${USAGE}\n`);
      process.exitCode = 2;
      return;
    }
    // Anything else (S3 refused, an immutable version, no credentials) is one line too: the
    // SDK's error name and message say what to fix; a stack trace would not.
    const name = error instanceof Error ? error.name : "Error";
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`tagc: ${name}: ${message}\n`);
    process.exitCode = 1;
  },
);
