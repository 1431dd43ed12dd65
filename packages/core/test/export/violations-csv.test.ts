import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { CoreInputError } from "../../src/errors";
import { encodeCursor } from "../../src/export/cursor";
import { exportViolationsCsv } from "../../src/export/violations-csv";
import { violation } from "../report/violations";

const A = violation({
  resource_id: "i-a",
  tag_name: "Environment",
  violation_type: "invalid_value",
  current_value: 'prod, "eu"',
  allowed_values: ["production", "staging"],
  cost_impact_monthly: 12.5,
});
const B = violation({
  resource_id: "i-b",
  tag_name: "Owner",
  violation_type: "invalid_format",
  severity: "warning",
  current_value: '=HYPERLINK("http://x")',
  allowed_values: null,
  region: "eu-west-1",
});
const C = violation({
  resource_id: "i-c",
  tag_name: "Application",
  allowed_values: null,
  cost_impact_monthly: 3,
});

const rowsOf = (csv: string): string[][] => parse(csv);

describe("exportViolationsCsv", () => {
  it("writes the default columns, sorted by ARN then tag, with CRLF line ends", () => {
    const page = exportViolationsCsv({ violations: [C, B, A] });
    expect(page.columns).toEqual([
      "resource_arn",
      "resource_type",
      "violation_type",
      "tag_name",
      "severity",
      "region",
    ]);
    expect(page.csv.split("\r\n")[0]).toBe(
      "resource_arn,resource_type,violation_type,tag_name,severity,region",
    );
    expect(page.csv.endsWith("\r\n")).toBe(true);
    expect(rowsOf(page.csv).slice(1)).toEqual([
      [A.resource_arn, "ec2:instance", "invalid_value", "Environment", "error", "us-east-1"],
      [B.resource_arn, "ec2:instance", "invalid_format", "Owner", "warning", "eu-west-1"],
      [C.resource_arn, "ec2:instance", "missing_required_tag", "Application", "error", "us-east-1"],
    ]);
    expect(page).toMatchObject({ total: 3, offset: 0, returned: 3, next_cursor: null });
  });

  it("joins allowed values with '; ', quotes commas and quotes, and neutralises formulas", () => {
    const page = exportViolationsCsv({
      violations: [A, B, C],
      columns: ["resource_id", "current_value", "allowed_values", "cost_impact_monthly"],
    });
    expect(page.csv).toContain('"prod, ""eu"""');
    expect(rowsOf(page.csv)).toEqual([
      ["resource_id", "current_value", "allowed_values", "cost_impact_monthly"],
      ["i-a", 'prod, "eu"', "production; staging", "12.50"],
      ["i-b", '\'=HYPERLINK("http://x")', "", "0.00"],
      ["i-c", "", "", "3.00"],
    ]);
  });

  it("accepts every column, keeps the requested order and drops repeats", () => {
    const page = exportViolationsCsv({
      violations: [C],
      columns: ["tag_name", "account_id", "tag_name", "resource_arn"],
    });
    expect(rowsOf(page.csv)).toEqual([
      ["tag_name", "account_id", "resource_arn"],
      ["Application", "111111111111", C.resource_arn],
    ]);
  });

  it("rejects unknown columns, naming them", () => {
    const call = () => exportViolationsCsv({ violations: [A], columns: ["resource_arn", "owner", "cost"] });
    expect(call).toThrow(CoreInputError);
    expect(call).toThrow(/^unknown columns: owner, cost; choose from resource_arn, resource_id/);
    expect(() => exportViolationsCsv({ violations: [A], columns: [] })).toThrow(/at least one column/);
  });

  it("filters by severity without changing what a page is", () => {
    expect(exportViolationsCsv({ violations: [A, B, C], severity: "warnings_only" })).toMatchObject({
      total: 1,
      returned: 1,
    });
    expect(exportViolationsCsv({ violations: [A, B, C], severity: "errors_only" })).toMatchObject({
      total: 2,
      returned: 2,
    });
  });

  it("pages with an opaque cursor until the last page", () => {
    const violations = Array.from({ length: 5 }, (_, i) => violation({ resource_id: `i-${i}` }));
    const first = exportViolationsCsv({ violations, pageSize: 2 });
    expect(first).toMatchObject({ total: 5, offset: 0, returned: 2 });
    expect(first.next_cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    const second = exportViolationsCsv({ violations, pageSize: 2, cursor: first.next_cursor });
    expect(second).toMatchObject({ offset: 2, returned: 2 });
    const third = exportViolationsCsv({ violations, pageSize: 2, cursor: second.next_cursor });
    expect(third).toMatchObject({ offset: 4, returned: 1, next_cursor: null });
    const ids = [first, second, third].flatMap((page) =>
      rowsOf(page.csv)
        .slice(1)
        .map((row) => row[0]),
    );
    expect(ids).toEqual(violations.map((v) => v.resource_arn));
  });

  it("writes the header alone for an empty page, including past the end", () => {
    const page = exportViolationsCsv({ violations: [A], cursor: encodeCursor(7) });
    expect(page).toMatchObject({ total: 1, offset: 7, returned: 0, next_cursor: null });
    expect(rowsOf(page.csv)).toEqual([
      ["resource_arn", "resource_type", "violation_type", "tag_name", "severity", "region"],
    ]);
  });

  it.each(["nonsense!", "djE6LTE", btoa("v2:3"), btoa("v1:1e3")])("rejects the cursor %j", (cursor) => {
    expect(() => exportViolationsCsv({ violations: [A], cursor })).toThrow(
      /cursor is not one this export issued/,
    );
  });

  it.each([0, 1.5, 10_001])("rejects page size %d", (pageSize) => {
    expect(() => exportViolationsCsv({ violations: [A], pageSize })).toThrow(
      /page_size must be an integer from 1 to 10000/,
    );
  });
});
