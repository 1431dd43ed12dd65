// The webhook address rules, at creation (the URL) and at send time (every address the name resolves
// to, checked by the lookup the connection itself uses, so DNS rebinding finds no window).
import type { LookupAddress } from "node:dns";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { isPublicAddress } from "../../src/alerts/address";
import { guardedLookup, postJson } from "../../src/alerts/post-json";
import { maskWebhookUrl, webhookUrlProblem } from "../../src/alerts/webhook-url";

describe("webhook addresses", () => {
  it.each([
    "10.0.0.1",
    "172.16.5.4",
    "192.168.1.1",
    "127.0.0.1",
    "169.254.169.254",
    "100.64.0.1",
    "0.0.0.0",
    "::1",
    "fd00:ec2::254",
    "fe80::1",
    "::ffff:10.0.0.1",
    "2002:0a00:0001::1",
  ])("%s is not public", (address) => {
    expect(isPublicAddress(address)).toBe(false);
  });

  it.each(["52.94.236.248", "2600:1f18::1"])("%s is public", (address) => {
    expect(isPublicAddress(address)).toBe(true);
  });

  it("refuses http, private literals and internal names unless the local switch is on", () => {
    expect(webhookUrlProblem("http://hooks.slack.com/services/x", false)).toBe("must use https");
    expect(webhookUrlProblem("https://10.1/x", false)).toMatch(/private/);
    expect(webhookUrlProblem("https://localhost/x", false)).toMatch(/private/);
    expect(webhookUrlProblem("https://user:pw@hooks.slack.com/x", false)).toMatch(/user name/);
    expect(webhookUrlProblem("https://hooks.slack.com/services/T/B/x", false)).toBeNull();
    expect(webhookUrlProblem("http://127.0.0.1:9/x", true)).toBeNull();
    expect(webhookUrlProblem("ftp://127.0.0.1/x", true)).toBe("must use https");
  });

  it("masks a webhook to its scheme and host", () => {
    expect(maskWebhookUrl("https://hooks.slack.com/services/T1/B2/secret")).toBe("https://hooks.slack.com/…");
  });

  it("refuses at connect time a name that resolves to a loopback address", async () => {
    const lookup = guardedLookup(false);
    const error = await new Promise<NodeJS.ErrnoException | null>((resolve) =>
      lookup("localhost", { all: true }, (err) => resolve(err)),
    );
    expect(error?.code).toBe("ETAGC_BLOCKED");
    const allowed = await new Promise<LookupAddress[]>((resolve, reject) =>
      guardedLookup(true)("localhost", { all: true }, (err, addresses) =>
        err ? reject(err) : resolve(addresses as LookupAddress[]),
      ),
    );
    expect(allowed.length).toBeGreaterThan(0);
  });

  it("never follows a redirect and says a 4xx will not change", async () => {
    let hits = 0;
    const server = createServer((_req, res) => {
      hits++;
      res.writeHead(302, { location: "http://169.254.169.254/latest/meta-data/" }).end();
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    try {
      await expect(
        postJson(`http://127.0.0.1:${port}/hook`, { text: "x" }, { allowPrivate: true, timeoutMs: 5_000 }),
      ).rejects.toMatchObject({ message: "the webhook answered 302", retryable: false });
      expect(hits).toBe(1);
      await expect(
        postJson(`http://127.0.0.1:${port}/hook`, { text: "x" }, { allowPrivate: false, timeoutMs: 5_000 }),
      ).rejects.toMatchObject({ retryable: false });
      expect(hits).toBe(1);
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
