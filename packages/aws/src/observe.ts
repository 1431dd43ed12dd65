// Every AWS call, counted by service, operation and outcome for the operator's metrics. One
// middleware in each client's initialize step (outside the retry loop, where the SDK's logger sits)
// sees each command end once, after its retries, so no client needs wrapping by hand. Only the
// client and command names and the error's name are read: input and output (tenant data, session
// credentials) are never touched.
import { classifyAwsError } from "./errors";

export type AwsCallOutcome = "ok" | "throttled" | "access_denied" | "network" | "region_disabled" | "error";

export interface AwsCall {
  /** The SDK client's name without "Client": STS, EC2, ResourceGroupsTaggingAPI, … */
  service: string;
  /** The command's name without "Command": AssumeRole, GetResources, … */
  operation: string;
  outcome: AwsCallOutcome;
}

export type AwsCallObserver = (call: AwsCall) => void;

const OUTCOMES: Partial<Record<string, AwsCallOutcome>> = {
  THROTTLED: "throttled",
  ACCESS_DENIED: "access_denied",
  NETWORK: "network",
  REGION_DISABLED: "region_disabled",
};

export function outcomeOf(error: unknown): AwsCallOutcome {
  return OUTCOMES[classifyAwsError(error).code] ?? "error";
}

/** What the SDK hands every initialize-step middleware about the command it runs. */
interface CommandContext {
  clientName?: unknown;
  commandName?: unknown;
}

function names(context: CommandContext): { service: string; operation: string } | undefined {
  const { clientName, commandName } = context;
  if (typeof clientName !== "string" || typeof commandName !== "string") return undefined;
  return { service: clientName.replace(/Client$/, ""), operation: commandName.replace(/Command$/, "") };
}

type Handler = (args: unknown) => Promise<unknown>;
type Middleware = (next: Handler, context: CommandContext) => Handler;

/** Any SDK client: what observeCalls needs of it is narrowed below, to avoid the SDK's generic types. */
export interface ObservableClient {
  middlewareStack: object;
}

interface Stack {
  add(
    middleware: Middleware,
    options: { step: "initialize"; name: string; tags: string[]; override: true },
  ): void;
  remove(name: string): boolean;
}

/** The SDK's own logger middleware: its name, so ours takes its place rather than running beside it. */
const LOGGER_MIDDLEWARE = "loggerMiddleware";

/** Reports one finished command to `observe`; a broken observer never fails the call it watches. */
function report(observe: AwsCallObserver, context: CommandContext, outcome: AwsCallOutcome): void {
  const call = names(context);
  if (!call) return;
  try {
    observe({ ...call, outcome });
  } catch {}
}

/**
 * Puts our observer where the SDK's logger middleware was. That middleware copies every response
 * through the schema's sensitive-data filter before calling `logger.info`, whatever the logger does
 * with it: a deep copy of each Tagging or EC2 page, about a tenth of a cold scan's CPU. Ours reads
 * only the client and command names and the error, so nothing of the response is walked (or kept).
 * Without an observer the logger middleware is simply removed.
 */
export function observeCalls(client: ObservableClient, observe: AwsCallObserver | undefined): void {
  const stack = client.middlewareStack as Stack;
  if (!observe) {
    stack.remove(LOGGER_MIDDLEWARE);
    return;
  }
  stack.add(
    (next, context) => async (args) => {
      try {
        const output = await next(args);
        report(observe, context, "ok");
        return output;
      } catch (error) {
        report(observe, context, outcomeOf(error));
        throw error;
      }
    },
    { step: "initialize", name: LOGGER_MIDDLEWARE, tags: ["LOGGER"], override: true },
  );
}
