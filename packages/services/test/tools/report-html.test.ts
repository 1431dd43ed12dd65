// generate_compliance_report with format html: the file goes behind a signed URL stored for the
// caller's client only, carries the stored trend and the gap charts, and the model reads the same
// report as Markdown. Both tenants make one; neither file names the other's account.
import { downloads } from "@tagc/db";
import { ACME_ACCOUNT as ACME, GLOBEX_ACCOUNT as GLOBEX } from "@tagc/testkit";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { openDownload } from "../../src/downloads/open";
import { checkTagCompliance } from "../../src/tools/check-tag-compliance";
import { generateComplianceReport } from "../../src/tools/generate-compliance-report";
import { ok, useToolsHarness } from "./harness";

const DAY = 86_400_000;

function linkParts(url: string) {
  const parsed = new URL(url);
  return { id: parsed.pathname.split("/").at(-1)!, sig: parsed.searchParams.get("sig")! };
}

describe("generate_compliance_report as html", () => {
  const harness = useToolsHarness("postgres");

  it("stores one self-contained file per caller, with the trend and gap charts, behind a signed URL", async () => {
    const h = harness();
    // Two days of stored snapshots for the trend.
    ok(await h.call(h.acme, checkTagCompliance, { resource_types: ["all"], store_snapshot: true }));
    h.clock.set(new Date(h.clock.now().getTime() + DAY));
    ok(await h.call(h.acme, checkTagCompliance, { resource_types: ["all"], store_snapshot: true }));
    ok(await h.call(h.globex, checkTagCompliance, { resource_types: ["all"], store_snapshot: true }));

    const acme = ok(
      await h.call(h.acme, generateComplianceReport, { resource_types: ["all"], format: "HTML" }),
    );
    expect(acme.format).toBe("html");
    expect(acme.download).toMatchObject({ content_type: "text/html; charset=utf-8", rows: 1 });
    // The model gets the Markdown version, with the trend as a table.
    expect(acme.content).toContain("| Compliance score | 40% |");
    expect(acme.content).toContain(`| Day | Overall | ${ACME} |`);
    expect(acme.content).toContain("## Attribution gap by resource type");

    const file = await openDownload({ deps: h.services, input: linkParts(acme.download!.url) });
    expect(file.clientId).toBe(h.acme.id);
    expect(file.filename).toBe("compliance-report.html");
    expect(file.body).toMatch(/^<!doctype html>/);
    expect(file.body).toContain('<dd data-metric="compliance_score">40%</dd>');
    expect(file.body).toContain('<dd data-metric="total_resources">5</dd>');
    expect(file.body.match(/<svg /g)).toHaveLength(3);
    // Self-contained: no URL to fetch anywhere (the SVG namespace is an identifier, not a request).
    expect(file.body.replace(/xmlns="http:\/\/www\.w3\.org\/2000\/svg"/g, "")).not.toMatch(
      /https?:|src=|<link|<script/,
    );
    expect(file.body).toContain("Compliance score over time");
    expect(file.body).not.toContain(GLOBEX);

    const globex = ok(
      await h.call(h.globex, generateComplianceReport, { resource_types: ["all"], format: "html" }),
    );
    const other = await openDownload({ deps: h.services, input: linkParts(globex.download!.url) });
    expect(other.clientId).toBe(h.globex.id);
    expect(other.body).not.toContain(ACME);
    expect(other.body).toContain('<dd data-metric="compliance_score">50%</dd>');

    // The stored rows: one per caller, each under its own client.
    const rows = await h.services.db
      .select()
      .from(downloads)
      .where(eq(downloads.tool, "generate_compliance_report"));
    expect(rows.map((r) => r.clientId).sort()).toEqual([h.acme.id, h.globex.id].sort());
    // A signature is bound to its download: acme's signature does not open globex's file.
    const crossed = { id: linkParts(globex.download!.url).id, sig: linkParts(acme.download!.url).sig };
    await expect(openDownload({ deps: h.services, input: crossed })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });

  it("keeps json free of the chart extras (the TOOLS.md shape) and creates no download", async () => {
    const h = harness();
    const json = ok(await h.call(h.acme, generateComplianceReport, { resource_types: ["all"] }));
    expect(json.download).toBeUndefined();
    expect(Object.keys(JSON.parse(json.content))).not.toContain("trend");
  });
});
