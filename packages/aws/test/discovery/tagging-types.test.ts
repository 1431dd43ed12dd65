// Pure helpers between catalog types and the Tagging API.
import { COST_GENERATING_TYPES } from "@tagc/core";
import { describe, expect, it } from "vitest";
import { classifyArn, MAX_TYPE_FILTERS, typeFilterChunks } from "../../src/discovery/tagging-types";

describe("typeFilterChunks", () => {
  it("sends at most 100 filters a call, each once", () => {
    const types = Array.from({ length: 230 }, (_, i) => `svc${i}:thing`);
    const chunks = typeFilterChunks([...types, ...types]);
    expect(chunks.map((c) => c.length)).toEqual([MAX_TYPE_FILTERS, MAX_TYPE_FILTERS, 30]);
    expect(chunks.flat()).toEqual(types);
  });

  it("uses the Tagging API's names where they differ from the catalog's", () => {
    const [filters = []] = typeFilterChunks(COST_GENERATING_TYPES);
    expect(filters).toContain("es:domain");
    expect(filters).toContain("elasticmapreduce:cluster");
    expect(filters).toContain("s3");
    expect(filters).not.toContain("opensearch:domain");
    expect(filters.every((f) => /^[a-z0-9-]+(:[a-z0-9-]+)?$/.test(f))).toBe(true);
  });
});

describe("classifyArn", () => {
  const wanted = new Set(["elasticache:cluster", "opensearch:domain", "lambda:function", "ec2:snapshot"]);

  it("reads the type and id as AWS writes them", () => {
    expect(classifyArn("arn:aws:lambda:us-east-1:222222222222:function:fn:live", wanted)).toEqual({
      type: "lambda:function",
      id: "fn",
      region: "us-east-1",
      account: "222222222222",
    });
    expect(classifyArn("arn:aws:es:eu-west-1:222222222222:domain/search", wanted)?.type).toBe(
      "opensearch:domain",
    );
    expect(classifyArn("arn:aws:ec2:us-east-1::snapshot/snap-1", wanted)).toMatchObject({
      type: "ec2:snapshot",
      account: "",
    });
  });

  it("falls back to the service and first segment, and drops what was not asked for", () => {
    expect(classifyArn("arn:aws:elasticache:eu-west-1:222222222222:cluster/cache-1", wanted)).toMatchObject({
      type: "elasticache:cluster",
      id: "cache-1",
    });
    expect(classifyArn("arn:aws:ec2:us-east-1:222222222222:instance/i-1", wanted)).toBeUndefined();
    expect(
      classifyArn("arn:aws:apigateway:us-east-1::/restapis/abc/stages/prod", new Set(["apigateway:restapi"])),
    ).toBeUndefined();
    expect(classifyArn("not-an-arn", wanted)).toBeUndefined();
  });
});
