// GET /v1/downloads/{id}: the file behind a tool's download URL, with no bearer (the signature is the
// credential), through the real app. Two tenants: acme's URL yields only acme's file; globex's id with
// acme's signature is refused; expired, forged and malformed URLs answer the one error envelope.
import { createDownload, type DownloadInput, loadClient } from "@tagc/services";
import { describe, expect, test } from "vitest";
import type { Harness, Tenant } from "../../harness";
import { KINDS } from "../../harness";
import { useHarness } from "../../support/use-harness";

const ENVELOPE = {
  error: { code: expect.any(String), message: expect.any(String), requestId: expect.any(String) },
};

/** A download made as a tool call would make it, optionally as of another time (to make one expire). */
async function downloadOf(h: Harness, tenant: Tenant, at?: Date, file: Partial<DownloadInput> = {}) {
  const input: DownloadInput = {
    tool: "export_violations_csv",
    filename: "violations.csv",
    contentType: "text/csv; charset=utf-8",
    body: `resource_arn,account_id\r\narn:aws:ec2:us-east-1:${tenant.accountId}:instance/i-1,${tenant.accountId}\r\n`,
    rows: 1,
    ...file,
  };
  const deps = at ? { ...h.services, now: () => at } : h.services;
  const client = await loadClient(h.services.db, tenant.id);
  const link = await createDownload({
    ctx: { deps, actor: { kind: "system", job: "t" }, requestId: "r", client },
    input,
  });
  const url = new URL(link.url);
  return {
    link,
    path: `${url.pathname}${url.search}`,
    id: url.pathname.split("/").pop() ?? "",
    sig: url.searchParams.get("sig") ?? "",
  };
}

describe.each(KINDS)("getDownload (%s)", (kind) => {
  const harness = useHarness({ kind });

  test("serves the file with no bearer, as an attachment that no proxy caches, under PUBLIC_BASE_URL", async () => {
    const h = harness();
    const { link, path } = await downloadOf(h, h.acme);
    expect(link.url.startsWith(`${h.env.PUBLIC_BASE_URL}/v1/downloads/dwn_`)).toBe(true);
    const response = await h.request<string>("GET", path, { token: null });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toBe('attachment; filename="violations.csv"');
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    expect(response.headers.get("referrer-policy")).toBe("no-referrer");
    expect(response.text).toContain(h.acme.accountId);
    expect(response.text).not.toContain(h.globex.accountId);
    expect(Buffer.byteLength(response.text)).toBe(link.bytes);
  });

  test("an HTML report opens inline, sandboxed, with nothing it may load", async () => {
    const h = harness();
    const { path } = await downloadOf(h, h.acme, undefined, {
      tool: "generate_compliance_report",
      filename: "compliance-report.html",
      contentType: "text/html; charset=utf-8",
      body: `<!doctype html><title>${h.acme.accountId}</title>`,
    });
    const response = await h.request<string>("GET", path, { token: null });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toBe('inline; filename="compliance-report.html"');
    expect(response.headers.get("content-security-policy")).toBe(
      "default-src 'none'; style-src 'unsafe-inline'; img-src data:; sandbox",
    );
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    expect(response.text).toContain(h.acme.accountId);
  });

  test("a signature opens only its own download: globex's id with acme's sig is refused", async () => {
    const h = harness();
    const acme = await downloadOf(h, h.acme);
    const globex = await downloadOf(h, h.globex);
    const crossed = await h.request("GET", `/v1/downloads/${globex.id}?sig=${acme.sig}`, { token: null });
    expect(crossed.status).toBe(403);
    expect(crossed.body).toMatchObject({
      error: { code: "FORBIDDEN", message: expect.stringMatching(/^sig: /) },
    });
    expect(crossed.text).not.toContain(h.globex.accountId);
    const theirs = await h.request<string>("GET", globex.path, { token: null });
    expect(theirs.text).toContain(h.globex.accountId);
    expect(theirs.text).not.toContain(h.acme.accountId);
  });

  test("an expired URL answers 410 and says to call the tool again", async () => {
    const h = harness();
    const old = await downloadOf(h, h.acme, new Date(Date.now() - 2 * h.env.DOWNLOAD_TTL_S * 1000));
    const response = await h.request("GET", old.path, { token: null });
    expect(response.status).toBe(410);
    expect(response.body).toMatchObject({
      error: { code: "GONE", message: expect.stringContaining("call the tool again") },
    });
  });
});

describe("getDownload errors", () => {
  const harness = useHarness({ kind: "postgres" });

  test.each([
    [
      "a tampered signature",
      (d: { id: string; sig: string }) => `/v1/downloads/${d.id}?sig=${d.sig.slice(0, -2)}xx`,
      403,
      "FORBIDDEN",
    ],
    [
      "an unknown id",
      (d: { sig: string }) => `/v1/downloads/dwn_00000000000000000000000000?sig=${d.sig}`,
      404,
      "NOT_FOUND",
    ],
    [
      "a malformed id",
      (d: { sig: string }) => `/v1/downloads/not-an-id?sig=${d.sig}`,
      400,
      "INVALID_REQUEST",
    ],
    ["no signature", (d: { id: string }) => `/v1/downloads/${d.id}`, 400, "INVALID_REQUEST"],
    [
      "a malformed signature",
      (d: { id: string }) => `/v1/downloads/${d.id}?sig=short`,
      400,
      "INVALID_REQUEST",
    ],
  ] as const)("%s → %i %s in the envelope, never 500", async (_, pathOf, status, code) => {
    const h = harness();
    const download = await downloadOf(h, h.acme);
    const response = await h.request("GET", pathOf(download), { token: null });
    expect(response.status).toBe(status);
    expect(response.body).toMatchObject(ENVELOPE);
    expect(response.body).toMatchObject({ error: { code } });
    expect(response.text).not.toContain(h.acme.accountId);
  });
});
