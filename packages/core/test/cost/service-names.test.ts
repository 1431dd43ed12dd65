// Renamed services: spend billed under an old SERVICE name ("Amazon Elastic Container Service for
// Kubernetes", "Amazon Elasticsearch Service", ...) lands on the catalog's type as if billed under its
// current name, and a Cost Explorer filter asks for every name.
import { describe, expect, it } from "vitest";
import { costExplorerServiceFor } from "../../src/catalog";
import {
  billedServiceNames,
  canonicalServiceName,
  SERVICE_NAME_ALIASES,
} from "../../src/catalog/service-names";
import { costDataFromCostExplorer } from "../../src/cost/cost-explorer";

const group = (keys: string[], amount: number) => ({
  Keys: keys,
  Metrics: { UnblendedCost: { Amount: String(amount), Unit: "USD" } },
});

describe("Cost Explorer service names", () => {
  it("reads a line billed under an old name as the catalog's service, summed with the new name", () => {
    const data = costDataFromCostExplorer([
      {
        TimePeriod: { Start: "2026-11-01", End: "2026-12-01" },
        Groups: [
          group(["Amazon Elastic Container Service for Kubernetes", "Name$prod"], 73),
          group(["Amazon Elastic Kubernetes Service", "Name$"], 27),
          group(["Amazon Elasticsearch Service", "Name$"], 12.5),
          group(["Amazon Elastic Load Balancing", "Name$"], 18),
        ],
      },
    ]);
    expect(data.by_service).toEqual({
      [costExplorerServiceFor("eks:cluster") ?? ""]: 100,
      [costExplorerServiceFor("opensearch:domain") ?? ""]: 12.5,
      [costExplorerServiceFor("elasticloadbalancing:loadbalancer") ?? ""]: 18,
    });
    expect(Object.keys(data.by_service)).not.toContain("Amazon Elastic Container Service for Kubernetes");
  });

  it("maps every alias to a service the catalog bills some type under, and asks for all names", () => {
    const catalogServices = new Set(
      [
        "eks:cluster",
        "elasticloadbalancing:loadbalancer",
        "opensearch:domain",
        "ecs:cluster",
        "codebuild:project",
        "emr:cluster",
        "firehose:deliverystream",
      ].map((type) => costExplorerServiceFor(type)),
    );
    for (const [alias, canonical] of Object.entries(SERVICE_NAME_ALIASES)) {
      expect(catalogServices.has(canonical), alias).toBe(true);
      expect(canonicalServiceName(alias)).toBe(canonical);
      expect(billedServiceNames(canonical)).toContain(alias);
    }
    expect(canonicalServiceName("Amazon Simple Storage Service")).toBe("Amazon Simple Storage Service");
    expect(billedServiceNames("AWS Lambda")).toEqual(["AWS Lambda"]);
  });
});
