// CloudFront (REST-XML, global): ListDistributions, GET /2020-05-31/distribution (MaxItems, at most
// 100 a page; Marker and NextMarker are distribution ids, the next page starting after the marker),
// and ListTagsForResource, GET /2020-05-31/tagging?Resource=<arn>. Summaries carry no tags.
// Distributions belong to the account, not to a region: every signed region sees them all.
// Compared with moto 5.2: moto writes the ARN without the empty region field
// (arn:aws:cloudfront:<account>:distribution/<id>), ignores MaxItems and answers ListTagsForResource
// for an unknown ARN with success; AWS's reference (arn:aws:cloudfront::<account>:..., MaxItems,
// NoSuchResource 404) is followed here.
import type { IncomingSigned } from "../auth/sigv4";
import { AwsError } from "../errors";
import type { OpContext, OperationTable, OpInput, XmlBody } from "../protocol/operation";
import type { Resource } from "../world/world";
import { arnAccount, attr, byId, createdAt, crossAccountDenied, optionalString } from "./common";

const PAGE_LIMIT = 100;
const DISTRIBUTION_ARN = /^arn:aws(-cn)?:cloudfront::[0-9]+:.*$/;

const invalidArgument = (message: string) => new AwsError("InvalidArgument", message, 400);
const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export function routeCloudFront(
  request: IncomingSigned,
): { name: string; input: Record<string, unknown> } | undefined {
  if (request.method !== "GET") return undefined;
  const input: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(request.query)) input[key] = first(value);
  const path = request.path.replace(/\/+$/, "");
  if (path === "/2020-05-31/distribution") return { name: "ListDistributions", input };
  if (path === "/2020-05-31/tagging") return { name: "ListTagsForResource", input };
  return undefined;
}

const distributions = (ctx: OpContext) =>
  ctx.account.resources.filter((r) => r.type === "cloudfront:distribution").sort(byId);

function maxItems(input: OpInput): number {
  const raw = optionalString(input, "MaxItems");
  if (raw === undefined) return PAGE_LIMIT;
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || value < 1) throw invalidArgument("MaxItems must be a positive integer.");
  // More than 100 is answered with 100, as CloudFront documents its maximum.
  return Math.min(value, PAGE_LIMIT);
}

function summary(r: Resource) {
  const origin = attr(r, "OriginDomainName", `${r.id.toLowerCase()}-origin.s3.amazonaws.com`);
  return {
    Id: r.id,
    ARN: r.arn,
    Status: r.state ?? "Deployed",
    LastModifiedTime: createdAt(r),
    DomainName: attr(r, "DomainName", `d${r.id.toLowerCase().slice(0, 13)}.cloudfront.net`),
    Aliases: { Quantity: 0 },
    Origins: {
      Quantity: 1,
      Items: { Origin: [{ Id: "origin-1", DomainName: origin, OriginPath: "" }] },
    },
    Comment: attr(r, "Comment", ""),
    PriceClass: attr(r, "PriceClass", "PriceClass_All"),
    Enabled: attr(r, "Enabled", true),
    WebACLId: "",
    HttpVersion: "http2",
    IsIPV6Enabled: true,
    Staging: false,
  };
}

function listDistributions(ctx: OpContext, input: OpInput): XmlBody {
  const size = maxItems(input);
  const marker = optionalString(input, "Marker");
  const after = distributions(ctx).filter((r) => marker === undefined || r.id > marker);
  const items = after.slice(0, size);
  const truncated = after.length > items.length;
  return {
    root: "DistributionList",
    body: {
      Marker: marker ?? "",
      ...(truncated ? { NextMarker: items.at(-1)?.id } : {}),
      MaxItems: size,
      IsTruncated: truncated,
      Quantity: items.length,
      ...(items.length ? { Items: { DistributionSummary: items.map(summary) } } : {}),
    },
  };
}

function listTagsForResource(ctx: OpContext, input: OpInput): XmlBody {
  const arn = optionalString(input, "Resource");
  if (!arn || !DISTRIBUTION_ARN.test(arn)) throw invalidArgument("The resource ARN is not valid.");
  if (arnAccount(arn) !== ctx.account.id)
    throw crossAccountDenied(ctx, "cloudfront:ListTagsForResource", arn);
  const distribution = distributions(ctx).find((r) => r.arn === arn);
  if (!distribution) throw new AwsError("NoSuchResource", "The specified distribution does not exist.", 404);
  const tags = Object.entries(distribution.tags).map(([Key, Value]) => ({ Key, Value }));
  return { root: "Tags", body: { Items: tags.length ? { Tag: tags } : "" } };
}

export const cloudfront: OperationTable = {
  ListDistributions: { action: "cloudfront:ListDistributions", handle: listDistributions },
  ListTagsForResource: { action: "cloudfront:ListTagsForResource", handle: listTagsForResource },
};
