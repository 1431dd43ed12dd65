// The `user-agent` and `x-amz-user-agent` headers, computed once per client instead of per request.
// The SDK's user-agent middleware (@aws-sdk/core, middleware-user-agent) rebuilds both from scratch
// on every send: it awaits the default user-agent provider, escapes each of its ~8 sections with a
// split, two regex replaces, a filter and a reduce, does the same for the custom sections, awaits the
// app id and joins it all: ~7% of a small call's instructions (callgrind, bench/micro-calls.ts).
// Everything but the feature list (`m/...`) is the same for every request of a client, so it is
// escaped once; the per-request part is the SDK's feature check (the same checks, in the same order,
// so the features' order is the SDK's) and one lookup of the finished headers by feature string.
// test/user-agent.test.ts sends every client of this package through the SDK's middleware and
// through this one and compares the two headers byte for byte: an SDK release that changes them
// fails there.
type Section = [string, string?];
type Features = Record<string, string>;

/** What the SDK's resolved client config offers the user-agent middleware. */
interface UserAgentConfig {
  defaultUserAgentProvider: () => Promise<Section[]>;
  customUserAgent?: Section[];
  userAgentAppId?: () => Promise<string | undefined>;
  runtime?: string;
  retryStrategy?: unknown;
  accountIdEndpointMode?: unknown;
}

interface Context {
  userAgent?: Section[];
  endpointV2?: { url?: { hostname?: string } };
  __smithy_context?: {
    features?: Features;
    selectedHttpAuthScheme?: { identity?: { accountId?: string; $source?: Features } };
  };
  __aws_sdk_context?: { features?: Features };
}

interface Request {
  headers: Record<string, string>;
}

// The SDK's constants (middleware-user-agent/constants.ts, check-features.ts, encode-features.ts).
const USER_AGENT = "user-agent";
const X_AMZ_USER_AGENT = "x-amz-user-agent";
const NAME_ESCAPE = /[^!$%&'*+\-.^_`|~\w]/g;
const VALUE_ESCAPE = /[^!$%&'*+\-.^_`|~\w#]/g;
const ACCOUNT_ID_ENDPOINT = /\d{12}\.ddb/;
const FEATURES_BYTE_LIMIT = 1024;

/** The SDK's escapeUserAgent: `prefix/name#version`, names and values escaped to header tokens. */
export function escapeUserAgent([rawName, rawVersion]: Section): string {
  const name = rawName
    .split("/")
    .map((part) => part.replace(NAME_ESCAPE, "-"))
    .join("/");
  const version = rawVersion?.replace(VALUE_ESCAPE, "-");
  const separator = name.indexOf("/");
  const prefix = name.substring(0, separator);
  let uaName = name.substring(separator + 1);
  if (prefix === "api") uaName = uaName.toLowerCase();
  let out = "";
  let index = 0;
  for (const item of [prefix, uaName, version]) {
    if (!item) continue;
    out = index === 0 ? item : index === 1 ? `${out}/${item}` : `${out}#${item}`;
    index += 1;
  }
  return out;
}

/** The SDK's encodeFeatures: the values in key order, comma-separated, within 1 KiB. */
function encodeFeatures(features: Features): string {
  let buffer = "";
  for (const key in features) {
    const value = features[key] as string;
    if (buffer.length + value.length + 1 > FEATURES_BYTE_LIMIT) break;
    buffer = buffer.length ? `${buffer},${value}` : value;
  }
  return buffer;
}

/** The SDK's setFeature (@aws-sdk/core client/setFeature.ts). */
function setFeature(context: Context, feature: string, value: string): void {
  if (!context.__aws_sdk_context) context.__aws_sdk_context = { features: {} };
  else if (!context.__aws_sdk_context.features) context.__aws_sdk_context.features = {};
  (context.__aws_sdk_context.features as Features)[feature] = value;
}

/** The SDK's checkFeatures, statement for statement (the order of the features is the header's). */
async function checkFeatures(context: Context, config: UserAgentConfig, request: Request): Promise<void> {
  if (request.headers["smithy-protocol"] === "rpc-v2-cbor") {
    setFeature(context, "PROTOCOL_RPC_V2_CBOR", "M");
  }
  if (typeof config.retryStrategy === "function") {
    const retryStrategy = (await config.retryStrategy()) as { mode?: unknown };
    if (retryStrategy.mode === "adaptive") setFeature(context, "RETRY_MODE_ADAPTIVE", "F");
    else if (retryStrategy.mode === "standard") setFeature(context, "RETRY_MODE_STANDARD", "E");
  }
  if (typeof config.accountIdEndpointMode === "function") {
    if (String(context.endpointV2?.url?.hostname).match(ACCOUNT_ID_ENDPOINT)) {
      setFeature(context, "ACCOUNT_ID_ENDPOINT", "O");
    }
    const mode = await config.accountIdEndpointMode();
    if (mode === "disabled") setFeature(context, "ACCOUNT_ID_MODE_DISABLED", "Q");
    else if (mode === "preferred") setFeature(context, "ACCOUNT_ID_MODE_PREFERRED", "P");
    else if (mode === "required") setFeature(context, "ACCOUNT_ID_MODE_REQUIRED", "R");
  }
  const identity = context.__smithy_context?.selectedHttpAuthScheme?.identity;
  if (identity?.$source) {
    if (identity.accountId) setFeature(context, "RESOLVED_ACCOUNT_ID", "T");
    for (const [key, value] of Object.entries(identity.$source)) setFeature(context, key, value);
  }
}

/** A client's sections that do not change between its requests, escaped. */
interface Fixed {
  defaults: string[];
  custom: string[];
  /** The `aws-sdk-*` defaults and the custom sections: x-amz-user-agent's value. */
  normal: string;
}

async function fixedSections(config: UserAgentConfig): Promise<Fixed> {
  const defaults = (await config.defaultUserAgentProvider()).map(escapeUserAgent);
  const custom = config.customUserAgent?.map(escapeUserAgent) ?? [];
  const normal = [...defaults.filter((section) => section.startsWith("aws-sdk-")), ...custom].join(" ");
  return { defaults, custom, normal };
}

type Headers = { userAgent: string; amz: string };

function headersFor(fixed: Fixed, features: string, appId: string | undefined, context: Context): Headers {
  const defaults = [...fixed.defaults, `m/${features}`];
  if (appId) defaults.push(escapeUserAgent(["app", `${appId}`]));
  const perCommand = context.userAgent?.map(escapeUserAgent) ?? [];
  // The SDK's user-agent prefix (setPartitionInfo's second argument) is never set in this package.
  return { userAgent: [...defaults, ...perCommand, ...fixed.custom].join(" "), amz: fixed.normal };
}

const isHttpRequest = (request: unknown): request is Request => {
  if (!request) return false;
  const r = request as Record<string, unknown>;
  return (
    "method" in r &&
    "protocol" in r &&
    "hostname" in r &&
    "path" in r &&
    typeof r.query === "object" &&
    typeof r.headers === "object"
  );
};

/** The SDK's middleware options: the same name with override, so ours takes its place. */
const OPTIONS = {
  name: "getUserAgentMiddleware",
  step: "build",
  priority: "low",
  tags: ["SET_USER_AGENT", "USER_AGENT"],
  override: true,
} as const;

/** Replaces the client's user-agent middleware with one that builds the same headers, memoised. */
export function memoiseUserAgent(client: { config: object; middlewareStack: object }): void {
  const config = client.config as UserAgentConfig;
  let fixed: Promise<Fixed> | undefined;
  /** Finished headers by feature string and app id (a client sees one or two). */
  const byFeatures = new Map<string, Headers>();
  const stack = client.middlewareStack as { add(middleware: unknown, options: typeof OPTIONS): void };
  stack.add(
    (next: (args: unknown) => Promise<unknown>, context: Context) => async (args: { request?: unknown }) => {
      const { request } = args;
      if (!isHttpRequest(request)) return next(args);
      // A failed provider is asked again on the next request, as the SDK's middleware would.
      fixed ??= fixedSections(config).catch((error: unknown) => {
        fixed = undefined;
        throw error;
      });
      const sections = await fixed;
      await checkFeatures(context, config, request);
      const features = encodeFeatures(
        Object.assign({}, context.__smithy_context?.features, context.__aws_sdk_context?.features),
      );
      const appId = await config.userAgentAppId?.();
      let headers: Headers | undefined;
      if (context.userAgent) headers = headersFor(sections, features, appId, context);
      else {
        const key = `${features} ${appId ?? ""}`;
        headers = byFeatures.get(key);
        if (!headers) {
          // A client sees one or two feature strings; the bound only guards against an SDK that varies them.
          if (byFeatures.size >= 32) byFeatures.clear();
          headers = headersFor(sections, features, appId, context);
          byFeatures.set(key, headers);
        }
      }
      const { headers: out } = request;
      if (config.runtime !== "browser") {
        if (headers.amz) {
          // The SDK's own expression: an x-amz-user-agent already there is replaced by user-agent's value.
          out[X_AMZ_USER_AGENT] = out[X_AMZ_USER_AGENT] ? `${out[USER_AGENT]} ${headers.amz}` : headers.amz;
        }
        out[USER_AGENT] = headers.userAgent;
      } else {
        out[X_AMZ_USER_AGENT] = headers.userAgent;
      }
      return next(args);
    },
    OPTIONS,
  );
}
