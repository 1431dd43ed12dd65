// The memoised user-agent middleware (user-agent.ts) must send exactly the SDK's headers. Every SDK
// client this package depends on sends one command twice through a client built as createSdkClient
// builds them, once with the SDK's own middleware and once with ours, and the `user-agent` and
// `x-amz-user-agent` headers are compared byte for byte: with the sandbox's endpoint and with AWS's
// own, with plain credentials and with credentials that carry the SDK's feature markers ($source).
// The request is stopped before it leaves (nothing here needs a network).
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { awsConfig, createSdkClient, sdkClientConfig } from "../src";
import { DISCOVERY_MAX_ATTEMPTS } from "../src/discovery/clients";
import { escapeUserAgent } from "../src/user-agent";

const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as {
  dependencies: Record<string, string>;
};
const MODULES = Object.keys(pkg.dependencies).filter((name) => name.startsWith("@aws-sdk/client-"));

class Stop extends Error {}

type Headers = Record<string, string | undefined>;
type Sendable = {
  send(command: unknown): Promise<unknown>;
  middlewareStack: { add(mw: unknown, options: object): void };
};
type Constructor = new (input: object) => unknown;

/** Sends `command` and returns its user-agent headers as the build step left them. */
async function headersOf(client: Sendable, command: unknown): Promise<Headers | undefined> {
  let seen: Headers | undefined;
  client.middlewareStack.add(
    () => (args: { request: { headers: Record<string, string> } }) => {
      const { headers } = args.request;
      seen = { "user-agent": headers["user-agent"], "x-amz-user-agent": headers["x-amz-user-agent"] };
      throw new Stop();
    },
    { step: "finalizeRequest", priority: "high", name: "tagcTestCapture", override: true },
  );
  await client.send(command).catch((error: unknown) => {
    if (!(error instanceof Stop)) throw error;
  });
  return seen;
}

const plain = async () => ({ accessKeyId: "a", secretAccessKey: "b" });
const marked = async () => ({
  accessKeyId: "a",
  secretAccessKey: "b",
  accountId: "123456789012",
  $source: { CREDENTIALS_STS_ASSUME_ROLE: "i", CREDENTIALS_PROFILE: "n" },
});

describe("memoised user agent", () => {
  it("escapes sections as the SDK does", () => {
    expect(escapeUserAgent(["aws-sdk-js", "3.1.0"])).toBe("aws-sdk-js/3.1.0");
    expect(escapeUserAgent(["api/Resource Groups Tagging API", "3.1"])).toBe(
      "api/resource-groups-tagging-api#3.1",
    );
    expect(escapeUserAgent(["app", "my app(1)"])).toBe("app/my-app-1-");
    expect(escapeUserAgent(["lang/js"])).toBe("lang/js");
  });

  it.each(MODULES)("%s sends the SDK's user-agent headers, byte for byte", async (name) => {
    const module = (await import(name)) as Record<string, unknown>;
    const Class = Object.entries(module).find(
      ([key, value]) => key.endsWith("Client") && key !== "__Client" && typeof value === "function",
    )?.[1] as Constructor;
    const commands = Object.entries(module)
      .filter(([key, value]) => /^(List|Describe|Get)\w*Command$/.test(key) && typeof value === "function")
      .map(([, value]) => value as Constructor);
    let compared = 0;
    for (const [config, credentials] of [
      [awsConfig({ endpoint: "http://127.0.0.1:1" }), plain],
      [awsConfig({}), marked],
    ] as const) {
      const extra = { maxAttempts: DISCOVERY_MAX_ATTEMPTS };
      for (const Command of commands) {
        const theirs = new Class({ ...sdkClientConfig(config, "eu-west-1", credentials), ...extra });
        const ours = createSdkClient(Class as never, config, "eu-west-1", credentials, extra);
        // A command whose input cannot serialize without members (an HTTP label) stops before the
        // build step; the next one is tried.
        const want = await headersOf(theirs as Sendable, new Command({})).catch(() => undefined);
        if (!want) continue;
        const got = await headersOf(ours as unknown as Sendable, new Command({}));
        expect(got).toEqual(want);
        expect(want["user-agent"]).toMatch(/^aws-sdk-js\/\S+ ua\/2\.1 .* m\/\S+/);
        // A second request of the same client is served from the memo: still the same.
        expect(await headersOf(ours as unknown as Sendable, new Command({}))).toEqual(want);
        compared += 1;
        break;
      }
    }
    expect(compared).toBe(2);
  });
});
