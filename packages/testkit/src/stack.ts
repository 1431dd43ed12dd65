// The customer's click on "Launch stack": the quick-create link the product hands out, followed
// into CloudFormation's CreateStack with the real SDK, exactly as the console does it (the link's
// template URL, stack name and param_* values, CAPABILITY_NAMED_IAM acknowledged), then waiting
// for the stack to finish. Works against the sandbox or any CloudFormation endpoint (moto).
import {
  CloudFormationClient,
  CreateStackCommand,
  DeleteStackCommand,
  DescribeStackEventsCommand,
  DescribeStacksCommand,
  type Stack,
} from "@aws-sdk/client-cloudformation";

export interface QuickCreateLink {
  region: string;
  templateUrl: string;
  stackName: string;
  /** The link's param_<Name> values, by parameter name. */
  parameters: Record<string, string>;
}

// The console forms: console.aws.amazon.com or <region>.console.aws.amazon.com, the quick-create
// page (and the older create/review page, which takes the same fragment parameters).
const CONSOLE_HOST = /^(?:[a-z]{2}(?:-[a-z]+)+-\d\.)?console\.aws\.amazon\.com$/;
const FRAGMENT = /^#\/stacks\/(?:quickcreate|create\/review)\?(.*)$/s;

/** Reads a quick-create link; throws naming what is missing or malformed. */
export function parseQuickCreateUrl(url: string): QuickCreateLink {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error(`not a URL: ${url.slice(0, 80)}`);
  }
  if (
    parsed.protocol !== "https:" ||
    !CONSOLE_HOST.test(parsed.hostname) ||
    parsed.pathname !== "/cloudformation/home"
  ) {
    throw new Error(`not a CloudFormation console link: ${parsed.origin}${parsed.pathname}`);
  }
  const region = parsed.searchParams.get("region");
  if (!region) throw new Error("the quick-create link has no region");
  const fragment = FRAGMENT.exec(parsed.hash)?.[1];
  if (fragment === undefined) throw new Error("the quick-create link has no #/stacks/quickcreate? fragment");
  // Split by hand rather than URLSearchParams, which would read a literal "+" as a space.
  const fields = new Map<string, string>();
  for (const pair of fragment.split("&").filter(Boolean)) {
    const eq = pair.indexOf("=");
    const key = decodeURIComponent(eq < 0 ? pair : pair.slice(0, eq));
    fields.set(key, eq < 0 ? "" : decodeURIComponent(pair.slice(eq + 1)));
  }
  const templateUrl = fields.get("templateURL");
  const stackName = fields.get("stackName");
  if (!templateUrl) throw new Error("the quick-create link has no templateURL");
  if (!stackName) throw new Error("the quick-create link has no stackName");
  const parameters: Record<string, string> = {};
  for (const [key, value] of fields)
    if (key.startsWith("param_")) parameters[key.slice("param_".length)] = value;
  return { region, templateUrl, stackName, parameters };
}

export interface StackTarget {
  /** The CloudFormation endpoint: the sandbox's URL (or moto's). */
  endpoint: string;
  credentials: { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
  /** How long to wait for a final status (default 30 s) and how often to look (default 200 ms). */
  timeoutMs?: number;
  pollMs?: number;
}

export interface DeployedStack {
  stackId: string;
  stackName: string;
  region: string;
  /** OutputKey → OutputValue (the role template's RoleArn and TemplateVersion). */
  outputs: Record<string, string>;
}

export class StackDeployError extends Error {
  override name = "StackDeployError";
  constructor(
    readonly stackName: string,
    readonly status: string,
    message: string,
  ) {
    super(message);
  }
}

const client = (target: StackTarget, region: string) =>
  new CloudFormationClient({
    endpoint: target.endpoint,
    region,
    credentials: target.credentials,
    maxAttempts: 3,
  });

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function describe(cfn: CloudFormationClient, stackId: string): Promise<Stack> {
  const stack = (await cfn.send(new DescribeStacksCommand({ StackName: stackId }))).Stacks?.[0];
  if (!stack) throw new Error(`DescribeStacks returned no stack for ${stackId}`);
  return stack;
}

/** Polls until the stack leaves every *_IN_PROGRESS status; returns it in its final status. */
async function settle(cfn: CloudFormationClient, stackId: string, target: StackTarget): Promise<Stack> {
  const deadline = Date.now() + (target.timeoutMs ?? 30_000);
  for (;;) {
    const stack = await describe(cfn, stackId);
    if (!stack.StackStatus?.endsWith("_IN_PROGRESS")) return stack;
    if (Date.now() > deadline) {
      throw new StackDeployError(
        stack.StackName ?? stackId,
        stack.StackStatus,
        `${stack.StackName} still ${stack.StackStatus}`,
      );
    }
    await sleep(target.pollMs ?? 200);
  }
}

/** Why a stack failed: its status reason and every failed resource's reason, oldest first. */
async function failureReasons(cfn: CloudFormationClient, stack: Stack): Promise<string> {
  const { StackEvents = [] } = await cfn.send(new DescribeStackEventsCommand({ StackName: stack.StackId }));
  const failed = StackEvents.filter((e) => e.ResourceStatus?.endsWith("_FAILED") && e.ResourceStatusReason)
    .reverse()
    .map((e) => `${e.LogicalResourceId}: ${e.ResourceStatusReason}`);
  return [stack.StackStatusReason, ...failed].filter(Boolean).join("; ");
}

/**
 * Does what the customer's admin does with the link: CreateStack with the link's template URL,
 * stack name and parameters, acknowledging CAPABILITY_NAMED_IAM, then waits for CREATE_COMPLETE.
 * A refused CreateStack rejects with the SDK's own error (ValidationError, InsufficientCapabilities...);
 * a stack that fails rejects with StackDeployError naming its status and the failed resources' reasons.
 */
export async function deployFromQuickCreateUrl(
  target: StackTarget & { url: string },
): Promise<DeployedStack> {
  const link = parseQuickCreateUrl(target.url);
  const cfn = client(target, link.region);
  const created = await cfn.send(
    new CreateStackCommand({
      StackName: link.stackName,
      TemplateURL: link.templateUrl,
      Parameters: Object.entries(link.parameters).map(([ParameterKey, ParameterValue]) => ({
        ParameterKey,
        ParameterValue,
      })),
      Capabilities: ["CAPABILITY_NAMED_IAM"],
    }),
  );
  const stackId = created.StackId ?? link.stackName;
  const stack = await settle(cfn, stackId, target);
  if (stack.StackStatus !== "CREATE_COMPLETE") {
    throw new StackDeployError(
      link.stackName,
      stack.StackStatus ?? "UNKNOWN",
      `stack ${link.stackName} ended ${stack.StackStatus}: ${await failureReasons(cfn, stack)}`,
    );
  }
  const outputs: Record<string, string> = {};
  for (const output of stack.Outputs ?? [])
    if (output.OutputKey) outputs[output.OutputKey] = output.OutputValue ?? "";
  return { stackId, stackName: link.stackName, region: link.region, outputs };
}

/**
 * Deletes a stack (by name or id) and waits for DELETE_COMPLETE. A stack that does not exist is
 * already deleted; one that ends DELETE_FAILED rejects with StackDeployError and the reasons.
 */
export async function deleteStackAndWait(
  target: StackTarget & { stackName: string; region: string },
): Promise<void> {
  const cfn = client(target, target.region);
  let stackId: string;
  try {
    // By id from here on: once deleted, a stack is no longer found by its name.
    stackId = (await describe(cfn, target.stackName)).StackId ?? target.stackName;
  } catch (error) {
    if (error instanceof Error && /does not exist/.test(error.message)) return;
    throw error;
  }
  await cfn.send(new DeleteStackCommand({ StackName: stackId }));
  const stack = await settle(cfn, stackId, target);
  if (stack.StackStatus !== "DELETE_COMPLETE") {
    throw new StackDeployError(
      target.stackName,
      stack.StackStatus ?? "UNKNOWN",
      `stack ${target.stackName} ended ${stack.StackStatus}: ${await failureReasons(cfn, stack)}`,
    );
  }
}
