// Bulk results behind signed, expiring URLs (issue 12): each export tool hands back a preview and a
// download whose file is the whole result, stored per client. Two tenants: acme's URL never yields
// globex's data, and a signature opens only the download it was made for.
import { ACME_ACCOUNT as ACME, GLOBEX_ACCOUNT as GLOBEX } from "@tagc/testkit";
import { describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { deleteClient } from "../../src/clients/delete";
import { loadClient } from "../../src/clients/load";
import { openDownload } from "../../src/downloads/open";
import { TEST_DOWNLOADS } from "../../src/testing";
import { exportForAutomation } from "../../src/tools/export-for-automation";
import { exportViolationsCsv } from "../../src/tools/export-violations-csv";
import { CUSTODIAN_INLINE_CHARS, generateCustodianPolicy } from "../../src/tools/generate-custodian-policy";
import { ok, useToolsHarness } from "../tools/harness";

/** The id and signature of a download URL, as the route reads them. */
function partsOf(url: string) {
  const parsed = new URL(url);
  const id = parsed.pathname.split("/").pop() ?? "";
  return { id, sig: parsed.searchParams.get("sig") ?? "" };
}

const codeOf = async (promise: Promise<unknown>) =>
  promise.then(
    () => "OK",
    (error: { code?: string }) => error.code,
  );

describe("download URLs of bulk results", () => {
  const harness = useToolsHarness("postgres");

  it("export_violations_csv: the URL serves every row, under PUBLIC_BASE_URL, for TTL seconds", async () => {
    const h = harness();
    const result = ok(await h.call(h.acme, exportViolationsCsv, { resource_types: ["all"] }));
    expect(result.download.url.startsWith(`${TEST_DOWNLOADS.baseUrl}/v1/downloads/dwn_`)).toBe(true);
    expect(Date.parse(result.download.expires_at) - h.clock.now().getTime()).toBe(
      TEST_DOWNLOADS.ttlSeconds * 1000,
    );
    const file = await openDownload({ deps: h.services, input: partsOf(result.download.url) });
    const lines = file.body.trimEnd().split("\r\n");
    expect(lines).toHaveLength(result.total + 1);
    expect(result.download).toMatchObject({
      rows: result.total,
      bytes: Buffer.byteLength(file.body),
      content_type: "text/csv; charset=utf-8",
    });
    // The inline page is the start of the same file.
    expect(file.body.startsWith(result.csv)).toBe(true);
    expect(file.body).toContain(ACME);
    expect(file.body).not.toContain(GLOBEX);
  });

  it("acme's URL never yields globex's data; a signature opens only its own download", async () => {
    const h = harness();
    const acme = partsOf(
      ok(await h.call(h.acme, exportViolationsCsv, { resource_types: ["all"] })).download.url,
    );
    const globex = partsOf(
      ok(await h.call(h.globex, exportViolationsCsv, { resource_types: ["all"] })).download.url,
    );
    const theirs = await openDownload({ deps: h.services, input: globex });
    expect(theirs.body).toContain(GLOBEX);
    expect(theirs.body).not.toContain(ACME);
    // Globex's id with acme's signature, and the reverse: refused, nothing served.
    expect(await codeOf(openDownload({ deps: h.services, input: { id: globex.id, sig: acme.sig } }))).toBe(
      "FORBIDDEN",
    );
    expect(await codeOf(openDownload({ deps: h.services, input: { id: acme.id, sig: globex.sig } }))).toBe(
      "FORBIDDEN",
    );
    // A tampered signature, an unknown id, and a signature made with another secret.
    const flipped = `${acme.sig.slice(0, -1)}${acme.sig.endsWith("A") ? "B" : "A"}`;
    expect(await codeOf(openDownload({ deps: h.services, input: { id: acme.id, sig: flipped } }))).toBe(
      "FORBIDDEN",
    );
    const unknown = { id: "dwn_00000000000000000000000000", sig: acme.sig };
    expect(await codeOf(openDownload({ deps: h.services, input: unknown }))).toBe("NOT_FOUND");
    const otherSecret = { ...h.services, downloads: { ...TEST_DOWNLOADS, secret: "x".repeat(40) } };
    expect(await codeOf(openDownload({ deps: otherSecret, input: acme }))).toBe("FORBIDDEN");
  });

  it("expires: past expires_at the URL answers GONE, naming the fix", async () => {
    const h = harness();
    const acme = partsOf(
      ok(await h.call(h.acme, exportViolationsCsv, { resource_types: ["all"] })).download.url,
    );
    h.clock.set(new Date(h.clock.now().getTime() + TEST_DOWNLOADS.ttlSeconds * 1000 + 1));
    const error = await openDownload({ deps: h.services, input: acme }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "GONE", message: expect.stringContaining("call the tool again") });
  });

  it("export_for_automation: a valid preview document inline, the whole export at the URL", async () => {
    const h = harness();
    const result = ok(await h.call(h.acme, exportForAutomation, {}));
    const preview = JSON.parse(result.content) as unknown;
    const file = await openDownload({ deps: h.services, input: partsOf(result.download.url) });
    const whole = JSON.parse(file.body) as unknown;
    expect(JSON.stringify(whole).length).toBeGreaterThanOrEqual(JSON.stringify(preview).length);
    expect(result.download).toMatchObject({
      rows: result.resources,
      content_type: "application/json; charset=utf-8",
    });
    expect(file.body).toContain(ACME);
    const yaml = ok(
      await h.call(h.globex, exportForAutomation, { format: "yaml", target_platform: "ansible" }),
    );
    const globexFile = await openDownload({ deps: h.services, input: partsOf(yaml.download.url) });
    expect(parseYaml(globexFile.body)).toBeTruthy();
    expect(globexFile.body).not.toContain(ACME);
  });

  it("generate_custodian_policy: the YAML once (inline while small), the combined file at the URL", async () => {
    const h = harness();
    // Acme's default policy covers every type: too large to inline, so only the URL has it.
    const large = ok(await h.call(h.acme, generateCustodianPolicy, {}));
    expect(large.combined_yaml).toBeNull();
    expect(JSON.stringify(large.policies)).not.toContain("policies:");
    const file = await openDownload({ deps: h.services, input: partsOf(large.download.url) });
    expect((parseYaml(file.body) as { policies: unknown[] }).policies).toHaveLength(large.policies.length);
    expect(file.body.length).toBeGreaterThan(CUSTODIAN_INLINE_CHARS);
    expect(generateCustodianPolicy.output.safeParse(large).success).toBe(true);
    // Globex's one-tag policy is small: inline, and the same file at the URL.
    const small = ok(await h.call(h.globex, generateCustodianPolicy, {}));
    const smallFile = await openDownload({ deps: h.services, input: partsOf(small.download.url) });
    expect(smallFile.body).toBe(small.combined_yaml);
    expect(smallFile.body).not.toContain("Owner");
  });

  it("offboarding deletes the client's downloads at once", async () => {
    const h = harness();
    const url = ok(await h.call(h.globex, exportViolationsCsv, { resource_types: ["all"] })).download.url;
    const admin = { deps: h.services, actor: { kind: "admin" as const, subject: "t" }, requestId: "r" };
    await deleteClient({ ctx: { ...admin, client: await loadClient(h.services.db, h.globex.id) } });
    expect(await codeOf(openDownload({ deps: h.services, input: partsOf(url) }))).toBe("NOT_FOUND");
  });
});
