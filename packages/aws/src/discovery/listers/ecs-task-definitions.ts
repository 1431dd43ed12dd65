// ecs:task-definition: ListTaskDefinitions (ACTIVE revisions only: an INACTIVE one can no longer
// start tasks), then DescribeTaskDefinition with include TAGS, one call per revision, only for the
// revisions the Tagging walk did not return (they have no tag; describing gives their registration
// time). Every revision is described when the walk failed.
import { DescribeTaskDefinitionCommand, ECSClient, ListTaskDefinitionsCommand } from "@aws-sdk/client-ecs";
import { isoOrNull, tagsFromEcs } from "../arn";
import { unlessGone } from "./gone";
import { eachPage, forEachItem } from "./paginate";
import type { Lister } from "./types";

/** ECS answers a revision deleted since the list with this ClientException, not a not-found code. */
const isDeleted = (error: unknown) =>
  error instanceof Error &&
  error.name === "ClientException" &&
  error.message === "Unable to describe task definition.";

async function unlessDeleted<T>(call: Promise<T>): Promise<T | undefined> {
  try {
    return await unlessGone(call);
  } catch (error) {
    if (isDeleted(error)) return undefined;
    throw error;
  }
}

/** "arn:...:task-definition/web:3" → "web:3", the id the catalog uses. */
const idOf = (arn: string) => arn.slice(arn.indexOf(":task-definition/") + ":task-definition/".length);

export const ecsTaskDefinitions: Lister = {
  type: "ecs:task-definition",
  describesUnwalked: true,
  actions: ["ecs:ListTaskDefinitions", "ecs:DescribeTaskDefinition"],
  async list(ctx) {
    const ecs = ctx.scan.clients.get(ECSClient, ctx.region);
    const arns: string[] = [];
    await eachPage(
      ctx,
      (nextToken, abortSignal) =>
        ecs.send(new ListTaskDefinitionsCommand({ status: "ACTIVE", maxResults: 100, nextToken }), {
          abortSignal,
        }),
      (page) => page.nextToken,
      (page) => void arns.push(...(page.taskDefinitionArns ?? [])),
    );
    const tagged = await ctx.taggedLookup();
    const unknown = arns.filter((arn) => !tagged?.(arn));
    await forEachItem(unknown, async (arn) => {
      const out = await unlessDeleted(
        ctx.scan.call(ctx.region, "item", (abortSignal) =>
          ecs.send(new DescribeTaskDefinitionCommand({ taskDefinition: arn, include: ["TAGS"] }), {
            abortSignal,
          }),
        ),
      );
      const definition = out?.taskDefinition;
      if (!definition) return;
      const definitionArn = definition.taskDefinitionArn ?? arn;
      ctx.emit({
        arn: definitionArn,
        id: idOf(definitionArn),
        type: "ecs:task-definition",
        region: ctx.region,
        state: definition.status ?? null,
        created_at: isoOrNull(definition.registeredAt),
        tags: tagsFromEcs(out.tags),
      });
    });
  },
};
