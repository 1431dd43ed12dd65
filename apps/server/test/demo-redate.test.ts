// The demo re-dates its generated spend to end today, so the tools' default 30-day window has spend
// whatever day the demo starts; amounts and periods keep their lengths.
import { fileURLToPath } from "node:url";
import { loadSeedFile } from "@tagc/aws-sandbox";
import { describe, expect, it } from "vitest";
import { redateCosts } from "../src/demo/redate-costs";

const DEMO_SEED = fileURLToPath(new URL("../../aws-sandbox/seeds/demo.json", import.meta.url));
const days = (start: string, end: string) => (Date.parse(end) - Date.parse(start)) / 86_400_000;

describe("the demo's spend is re-dated to end today", () => {
  it("moves every row by the same days, so the newest ends today and nothing else changes", async () => {
    const seed = await loadSeedFile(DEMO_SEED);
    const moved = redateCosts(seed, new Date("2027-03-15T18:30:00Z"));
    const rows = seed.accounts.flatMap((a) => a.costs);
    const movedRows = moved.accounts.flatMap((a) => a.costs);
    expect(rows.length).toBeGreaterThan(100);
    expect(
      movedRows
        .map((r) => r.end)
        .sort()
        .at(-1),
    ).toBe("2027-03-15");
    const offsets = new Set(rows.map((r, i) => days(r.start, movedRows[i]?.start ?? "")));
    expect(offsets.size).toBe(1);
    movedRows.forEach((row, i) => {
      const before = rows[i];
      expect(row.amount).toBe(before?.amount);
      expect(days(row.start, row.end)).toBe(days(before?.start ?? "", before?.end ?? ""));
    });
    // The loaded seed itself is untouched.
    expect(
      seed.accounts
        .flatMap((a) => a.costs)
        .map((r) => r.end)
        .sort()
        .at(-1),
    ).not.toBe("2027-03-15");
  });
});
