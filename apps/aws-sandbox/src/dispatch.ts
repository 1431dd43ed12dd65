// One AWS request, end to end: authenticate (SigV4 + session token), meter, inject faults,
// authorize against the caller's role, run the operation, render in the service's dialect.
// Every failure becomes an AWS-shaped error; nothing here lets an exception escape as a crash.
import { randomUUID } from "node:crypto";
import {
  type IncomingSigned,
  type ParsedAuthorization,
  parseAuthorization,
  signatureMatches,
} from "./auth/sigv4";
import { AwsError } from "./errors";
import { callerMay, notAuthorized } from "./iam/caller";
import type { OpContext, Operation, OpInput } from "./protocol/operation";
import { pageChains } from "./protocol/paginate";
import { renderError, renderResult, type WireResponse } from "./protocol/render";
import { type GenericCode, SERVICES, type ServiceDef } from "./protocol/services";
import { resolveOperation } from "./services";
import type { Counters } from "./world/counters";
import type { FaultInjector } from "./world/faults";
import type { Account, Identity, World } from "./world/world";

export interface Runtime {
  world: World;
  faults: FaultInjector;
  counters: Counters;
}

class Generic extends Error {
  constructor(
    readonly generic: GenericCode,
    message: string,
  ) {
    super(message);
  }
}

const sleep = (ms: number) => (ms > 0 ? new Promise((resolve) => setTimeout(resolve, ms)) : undefined);

/** Guess a service for unsigned requests, only so that the error comes back in a parseable shape. */
function guessService(request: IncomingSigned): ServiceDef {
  const target = request.headers["x-amz-target"];
  if (target)
    return (
      Object.values(SERVICES).find((s) => s.targetPrefix && target.startsWith(s.targetPrefix)) ??
      SERVICES.tagging!
    );
  if (request.path.startsWith("/2015-03-31") || request.path.startsWith("/2017-03-31"))
    return SERVICES.lambda!;
  if (request.method === "POST") return SERVICES.sts!;
  return SERVICES.s3!;
}

function authenticate(world: World, request: IncomingSigned, auth: ParsedAuthorization | undefined) {
  if (!auth) throw new Generic("MissingAuthenticationToken", "Missing Authentication Token");
  const identity = world.identityFor(auth.accessKeyId);
  if (!identity)
    throw new Generic("InvalidClientTokenId", "The security token included in the request is invalid.");
  if (identity.session) {
    if (request.headers["x-amz-security-token"] !== identity.session.token) {
      throw new Generic("InvalidClientTokenId", "The security token included in the request is invalid.");
    }
    if (world.now() >= identity.session.expiresAt) {
      throw new Generic("ExpiredToken", "The security token included in the request is expired");
    }
  }
  return { auth, identity };
}

function emptyAccount(id: string): Account {
  return {
    id,
    name: "",
    regions: [],
    roles: new Map(),
    resources: [],
    byRegion: new Map(),
    costs: [],
    costAllocationTags: [],
    organization: null,
  };
}

function authorize(world: World, identity: Identity, operation: Operation, resource?: string) {
  if (operation.skipPermissionCheck || callerMay(world, identity, operation.action, resource)) return;
  const message = notAuthorized(identity, operation.action, resource);
  throw new Generic(
    "AccessDenied",
    operation.action.startsWith("ec2:")
      ? `You are not authorized to perform this operation. ${message}`
      : message,
  );
}

export async function dispatch(runtime: Runtime, request: IncomingSigned): Promise<WireResponse> {
  const requestId = randomUUID();
  const { world, faults, counters } = runtime;
  let service = guessService(request);
  try {
    const parsed = parseAuthorization(request.headers.authorization);
    const signed = parsed ? SERVICES[parsed.service] : undefined;
    if (parsed && !signed)
      throw new Generic("InvalidAction", `The sandbox does not emulate the service '${parsed.service}'.`);
    if (signed) service = signed;
    const { auth, identity } = authenticate(world, request, parsed);
    const credentials = {
      accessKeyId: auth.accessKeyId,
      secretAccessKey: identity.secret,
      ...(identity.session ? { sessionToken: identity.session.token } : {}),
    };
    if (!(await signatureMatches(request, auth, credentials))) {
      throw new Generic(
        "SignatureDoesNotMatch",
        "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.",
      );
    }
    const resolved = resolveOperation(service, request);
    if (!resolved)
      throw new Generic(
        "InvalidAction",
        "The action or operation requested is invalid. Verify that the action is typed correctly.",
      );
    const { name, operation, input } = resolved;

    counters.call(operation.action, identity.principalArn, identity.accountId, auth.region);
    await sleep(faults.delayFor(operation.action));
    if (faults.operationFails(operation.action) || faults.requestFails(operation.action, input))
      throw new Generic("InternalFailure", "We encountered an internal error. Please try again.");
    if (faults.regionFails(auth.region, operation.action)) {
      throw new Generic(
        "ServiceUnavailable",
        `Service unavailable in ${auth.region}. Please try again later.`,
      );
    }
    if (faults.shouldThrottle(operation.action)) {
      counters.throttle(operation.action);
      throw new Generic("Throttling", "Rate exceeded");
    }

    const account = world.accounts.get(identity.accountId) ?? emptyAccount(identity.accountId);
    const ctx: OpContext = { world, identity, account, region: auth.region, requestId, now: world.now() };
    authorize(world, identity, operation, operation.resource?.(ctx, input));
    const chain = (scope: string, offset: number) =>
      counters.page(operation.action, identity.accountId, auth.region, scope, offset);
    const result = await pageChains.run(chain, () => operation.handle(ctx, input as OpInput));
    return renderResult(service, name, result, requestId);
  } catch (error) {
    const rendered = toWireError(service, error);
    counters.error(rendered.code);
    const response = renderError(service, rendered, requestId);
    // HEAD answers never carry a body (S3's HeadObject 404 is bare); the SDK names it by status.
    return request.method === "HEAD" ? { ...response, body: "" } : response;
  }
}

function toWireError(service: ServiceDef, error: unknown) {
  if (error instanceof Generic) {
    const [code, status] = service.dialect[error.generic];
    return { code, status, message: error.message, kind: status >= 500 ? "Receiver" : "Sender" };
  }
  if (error instanceof AwsError) {
    const generic = service.dialect[error.code as GenericCode];
    const [code, status] = generic ?? [error.code, error.status];
    return { code, status, message: error.message, kind: error.kind };
  }
  // A bug in a handler must still answer like AWS would, not crash the server or leak a stack.
  console.error("aws-sandbox: unexpected handler error", error);
  const [code, status] = service.dialect.InternalFailure;
  return { code, status, message: "We encountered an internal error. Please try again.", kind: "Receiver" };
}
