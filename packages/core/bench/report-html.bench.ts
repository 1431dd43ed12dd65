// Benchmark (a script, not a test: it prints figures and never fails on time).
// The HTML report of a large tenant: 50,000 violations over 40 tags and 50 resource types, a 366-day
// trend for 20 accounts. Prints render time and file size for HTML and Markdown.
// Run: npx tsx bench/report-html.bench.ts
import type { ScoreTrend } from "../src/history/score-trend";
import type { Violation } from "../src/model";
import { buildComplianceReport } from "../src/report/build";

const VIOLATIONS = 50_000;
const DAYS = 366;
const ACCOUNTS = 20;
const RUNS = 5;

const violations: Violation[] = Array.from({ length: VIOLATIONS }, (_, i) => ({
  resource_arn: `arn:aws:ec2:us-east-1:111111111111:instance/i-${i}`,
  resource_id: `i-${i}`,
  resource_type: `type:${i % 50}`,
  region: "us-east-1",
  account_id: "111111111111",
  tag_name: `Tag${i % 40}`,
  violation_type: "missing_required_tag",
  severity: "error",
  current_value: null,
  allowed_values: null,
  cost_impact_monthly: (i % 97) * 1.13,
})) as unknown as Violation[];

const days = Array.from({ length: DAYS }, (_, d) =>
  new Date(Date.UTC(2026, 0, 1) + d * 86_400_000).toISOString().slice(0, 10),
);
const trend: ScoreTrend = {
  days,
  overall: days.map((day, d) => ({ day, score: d % 30 === 7 ? null : 0.5 + (d % 40) / 100 })),
  accounts: Array.from({ length: ACCOUNTS }, (_, a) => ({
    account_id: String(100_000_000_000 + a),
    points: days.map((day, d) => ({
      day,
      score: (a * 7 + d) % 11 === 0 ? null : ((a * 13 + d) % 100) / 100,
    })),
  })),
};
const gap_by_resource_type = Object.fromEntries(
  Array.from({ length: 50 }, (_, i) => [`type:${i}`, i * 37.5]),
);

for (const format of ["html", "markdown"] as const) {
  const times: number[] = [];
  let bytes = 0;
  for (let run = 0; run < RUNS; run++) {
    const started = performance.now();
    const { content } = buildComplianceReport({
      compliance: { score: 0.42, total: 60_000, compliant: 25_200, violations },
      gap: { total: 120_000, attributable: 50_000, gap: 70_000, gap_percentage: 58.33 },
      format,
      extras: { trend, gap_by_resource_type, accounts: ["111111111111"] },
    });
    times.push(performance.now() - started);
    bytes = Buffer.byteLength(content);
  }
  times.sort((a, b) => a - b);
  console.log(
    `${format.padEnd(8)} median ${times[Math.floor(RUNS / 2)]!.toFixed(1)} ms, ${(bytes / 1024).toFixed(1)} KiB`,
  );
}
