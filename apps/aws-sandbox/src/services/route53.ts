// Route 53 (REST-XML, global): ListHostedZones, GET /2013-04-01/hostedzone (maxitems, at most 100 a
// page; marker and NextMarker are hosted zone ids, the next page starting at the marker), and
// ListTagsForResources, POST /2013-04-01/tags/hostedzone with up to 10 ResourceIds. Zones belong
// to the account, not to a region. Their ARNs carry no account, so every lookup here is confined
// to the caller's own zones: another account's zone id is simply not found.
// Compared with moto 5.2: moto answers an opaque NextMarker and tags an unknown zone id without an
// error; AWS documents NextMarker as the id of the next page's first zone and NoSuchHostedZone.
import { XMLParser } from "fast-xml-parser";
import type { IncomingSigned } from "../auth/sigv4";
import { AwsError } from "../errors";
import type { OpContext, OperationTable, OpInput, XmlBody } from "../protocol/operation";
import type { Resource } from "../world/world";
import { attr, byId, optionalString } from "./common";

const PAGE_LIMIT = 100;
const TAG_BATCH = 10;

const invalidInput = (message: string) => new AwsError("InvalidInput", message, 400);
const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);
const parser = new XMLParser({ isArray: (name) => name === "ResourceId", parseTagValue: false });

export function routeRoute53(
  request: IncomingSigned,
): { name: string; input: Record<string, unknown> } | undefined {
  const input: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(request.query)) input[key] = first(value);
  const path = request.path.replace(/\/+$/, "");
  if (request.method === "GET" && path === "/2013-04-01/hostedzone")
    return { name: "ListHostedZones", input };
  if (request.method === "POST" && path === "/2013-04-01/tags/hostedzone") {
    let ids: unknown;
    try {
      const body = parser.parse(request.body.toString("utf8")) as {
        ListTagsForResourcesRequest?: { ResourceIds?: { ResourceId?: unknown } };
      };
      ids = body.ListTagsForResourcesRequest?.ResourceIds?.ResourceId;
    } catch {
      ids = undefined;
    }
    return { name: "ListTagsForResources", input: { ...input, ResourceIds: ids ?? [] } };
  }
  return undefined;
}

const zones = (ctx: OpContext) =>
  ctx.account.resources.filter((r) => r.type === "route53:hostedzone").sort(byId);

function maxItems(input: OpInput): number {
  const raw = optionalString(input, "maxitems");
  if (raw === undefined) return PAGE_LIMIT;
  if (!/^\d+$/.test(raw) || Number(raw) < 1) throw invalidInput("maxitems must be a positive integer.");
  // "If you set maxitems to a value greater than 100, Route 53 returns only the first 100."
  return Math.min(Number(raw), PAGE_LIMIT);
}

function hostedZone(r: Resource) {
  const comment = attr<string | undefined>(r, "Comment", undefined);
  return {
    Id: `/hostedzone/${r.id}`,
    Name: attr(r, "Name", `${r.id.toLowerCase()}.example.com.`),
    CallerReference: attr(r, "CallerReference", `seed-${r.id}`),
    Config: { ...(comment ? { Comment: comment } : {}), PrivateZone: attr(r, "PrivateZone", false) },
    ResourceRecordSetCount: attr(r, "ResourceRecordSetCount", 2),
  };
}

function listHostedZones(ctx: OpContext, input: OpInput): XmlBody {
  const size = maxItems(input);
  const marker = optionalString(input, "marker");
  const from = zones(ctx).filter((r) => marker === undefined || r.id >= marker);
  const items = from.slice(0, size);
  const next = from[size];
  return {
    root: "ListHostedZonesResponse",
    body: {
      HostedZones: items.length ? { HostedZone: items.map(hostedZone) } : "",
      ...(marker !== undefined ? { Marker: marker } : {}),
      IsTruncated: next !== undefined,
      ...(next ? { NextMarker: next.id } : {}),
      MaxItems: size,
    },
  };
}

function listTagsForResources(ctx: OpContext, input: OpInput): XmlBody {
  const ids = input.ResourceIds;
  if (!Array.isArray(ids) || !ids.every((id): id is string => typeof id === "string"))
    throw invalidInput("ResourceIds is not valid.");
  if (ids.length < 1 || ids.length > TAG_BATCH)
    throw invalidInput(
      `1 validation error detected: Value '[${ids.join(", ")}]' at 'resourceIds' failed to satisfy constraint: Member must have length less than or equal to ${TAG_BATCH}`,
    );
  const own = zones(ctx);
  const sets = ids.map((raw) => {
    const id = raw.replace(/^\/hostedzone\//, "");
    const zone = own.find((r) => r.id === id);
    if (!zone) throw new AwsError("NoSuchHostedZone", `No hosted zone found with ID: ${id}`, 404);
    const tags = Object.entries(zone.tags).map(([Key, Value]) => ({ Key, Value }));
    return { ResourceType: "hostedzone", ResourceId: id, Tags: tags.length ? { Tag: tags } : "" };
  });
  return { root: "ListTagsForResourcesResponse", body: { ResourceTagSets: { ResourceTagSet: sets } } };
}

export const route53: OperationTable = {
  ListHostedZones: { action: "route53:ListHostedZones", handle: listHostedZones },
  ListTagsForResources: { action: "route53:ListTagsForResources", handle: listTagsForResources },
};
