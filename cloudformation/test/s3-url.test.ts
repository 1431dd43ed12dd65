import { describe, expect, it } from "vitest";
import { isS3TemplateUrl, parseS3TemplateUrl, s3TemplateUrl } from "../src/s3-url";

describe("S3 template URLs", () => {
  it.each([
    [
      "https://tagc-templates.s3.eu-west-1.amazonaws.com/role-v3.yaml",
      "tagc-templates",
      "role-v3.yaml",
      "eu-west-1",
    ],
    ["https://tagc-templates.s3-us-west-2.amazonaws.com/a/b.yaml", "tagc-templates", "a/b.yaml", "us-west-2"],
    ["https://tagc-templates.s3.amazonaws.com/role.yaml", "tagc-templates", "role.yaml", undefined],
    [
      "https://s3.us-east-1.amazonaws.com/tagc-templates/v/role.yaml",
      "tagc-templates",
      "v/role.yaml",
      "us-east-1",
    ],
    ["https://s3.amazonaws.com/tagc-templates/role.yaml", "tagc-templates", "role.yaml", undefined],
    ["https://tagc.s3.cn-north-1.amazonaws.com.cn/role.yaml", "tagc", "role.yaml", "cn-north-1"],
  ])("reads %s", (url, bucket, key, region) => {
    expect(parseS3TemplateUrl(url)).toEqual({ bucket, key, region });
  });

  it.each([
    "http://tagc-templates.s3.us-east-1.amazonaws.com/role.yaml",
    "https://tagc.example.com/v1/templates/role.yaml",
    "http://localhost:8080/v1/templates/tag-compliance-role.yaml",
    "https://tagc-templates.s3-website-us-east-1.amazonaws.com/role.yaml",
    "https://tagc-templates.s3.us-east-1.amazonaws.com/",
    "https://s3.us-east-1.amazonaws.com/tagc-templates",
    "https://tagc-templates.s3.us-east-1.amazonaws.com.evil.com/role.yaml",
    "not a url",
  ])("refuses %s", (url) => {
    expect(parseS3TemplateUrl(url)).toBeUndefined();
  });

  it("builds the regional object URL and reads it back", () => {
    const url = s3TemplateUrl({ bucket: "tagc-templates", region: "us-east-1", key: "v 1/role.yaml" });
    expect(url).toBe("https://tagc-templates.s3.us-east-1.amazonaws.com/v%201/role.yaml");
    expect(parseS3TemplateUrl(url)).toEqual({
      bucket: "tagc-templates",
      key: "v 1/role.yaml",
      region: "us-east-1",
    });
  });

  it("isS3TemplateUrl accepts exactly what parseS3TemplateUrl parses (the server's TEMPLATE_URL check)", () => {
    expect(isS3TemplateUrl("https://tagc-templates.s3.eu-west-1.amazonaws.com/templates/role.yaml")).toBe(
      true,
    );
    expect(isS3TemplateUrl("https://s3.eu-west-1.amazonaws.com/tagc-templates/templates/role.yaml")).toBe(
      true,
    );
    expect(isS3TemplateUrl("http://tagc-templates.s3.eu-west-1.amazonaws.com/templates/role.yaml")).toBe(
      false,
    );
    expect(isS3TemplateUrl("https://tagc.example.com/v1/templates/tag-compliance-role.yaml")).toBe(false);
  });
});
