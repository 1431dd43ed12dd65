// The Resource Groups Tagging API walk of one region: every page, in order (each page's token
// comes from the previous one), for every requested type. It finds every resource that carries a
// tag; the per-service listers find the rest. The types are split between walks that run side by
// side (tagging-types.ts typeWalks); each reports its own end, so listers wait for their part only.
import {
  GetResourcesCommand,
  ResourceGroupsTaggingAPIClient,
} from "@aws-sdk/client-resource-groups-tagging-api";
import { isGlobalType } from "@tagc/core";
import { tagsFromList } from "./arn";
import { projectOutput } from "./listers/projection";
import type { ScanContext } from "./scan-context";
import { classifyArn, typeWalks } from "./tagging-types";

export const RESOURCES_PER_PAGE = 100;

/**
 * The mappings as JSON.parse gives them (projection.ts): the walk reads each one's ARN and tags, all
 * strings, and the SDK's walk of 100 mappings and their tags per page was most of its JSON work.
 */
const page = projectOutput({ PaginationToken: true, ResourceTagMappingList: "raw" });

export interface TaggedResource {
  arn: string;
  id: string;
  type: string;
  /** The ARN's region, or "global" for global types. */
  region: string;
  tags: Record<string, string>;
}

export interface TaggingWalkInput {
  scan: ScanContext;
  region: string;
  accountId: string;
  types: readonly string[];
  found: (resource: TaggedResource) => void;
  onPage: () => void;
  /** Types whose listers call AWS per resource the walk did not return (typeWalks). */
  early?: ReadonlySet<string>;
  /** One of the walks ended: every page of `types` read (`ok`), or it failed. */
  onWalkEnd?: (types: readonly string[], ok: boolean) => void;
}

export async function walkTagging(input: TaggingWalkInput): Promise<void> {
  const { scan, region, types } = input;
  const wanted = new Set(types);
  const client = scan.clients.get(ResourceGroupsTaggingAPIClient, region);
  const walks = typeWalks(types, input.early).map(async ({ filters, types: walked }) => {
    try {
      await walkPages(input, client, filters, wanted);
    } catch (error) {
      input.onWalkEnd?.(walked, false);
      throw error;
    }
    input.onWalkEnd?.(walked, true);
  });
  // Every walk ends before the first failure is thrown, so nothing outlives the region's walk task.
  const failed = (await Promise.allSettled(walks)).find((r) => r.status === "rejected");
  if (failed) throw failed.reason;
}

async function walkPages(
  input: TaggingWalkInput,
  client: ResourceGroupsTaggingAPIClient,
  filters: string[],
  wanted: ReadonlySet<string>,
): Promise<void> {
  const { scan, region, accountId } = input;
  let token: string | undefined;
  do {
    const request = page(
      new GetResourcesCommand({
        ResourceTypeFilters: filters,
        ResourcesPerPage: RESOURCES_PER_PAGE,
        ...(token ? { PaginationToken: token } : {}),
      }),
    );
    const out = await scan.call(region, "walk", (abortSignal) => client.send(request, { abortSignal }));
    scan.page();
    input.onPage();
    for (const mapping of out.ResourceTagMappingList ?? []) {
      const arn = mapping.ResourceARN;
      const classified = arn ? classifyArn(arn, wanted) : undefined;
      // An ARN of another account is never reported, whatever the API answered.
      if (!arn || !classified || (classified.account && classified.account !== accountId)) continue;
      input.found({
        arn,
        id: classified.id,
        type: classified.type,
        region: isGlobalType(classified.type) ? "global" : classified.region || region,
        tags: tagsFromList(mapping.Tags),
      });
    }
    // AWS ends a walk with an empty token; a token handed back unchanged would loop forever.
    const next = out.PaginationToken || undefined;
    token = next === token ? undefined : next;
  } while (token);
}
