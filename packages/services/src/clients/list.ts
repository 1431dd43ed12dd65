import { type ClientStatus, clients } from "@tagc/db";
import { and, asc, eq, gt, ilike, or, type SQL } from "drizzle-orm";
import type { Ctx } from "../context";
import { invalid } from "../errors";
import { clientView } from "./view";

export interface ListClientsInput {
  status?: ClientStatus | undefined;
  /** Part of the name or contact e-mail, any case (the operator console's search box). */
  search?: string | undefined;
  limit: number;
  /** Opaque: the last id of the previous page (ids sort by creation time). */
  cursor?: string | undefined;
}

const decodeCursor = (cursor: string) => {
  const id = Buffer.from(cursor, "base64url").toString("utf8");
  if (!/^cli_[0-9A-Za-z]+$/.test(id)) throw invalid("cursor", "is not a cursor returned by this endpoint");
  return id;
};

/** Admin listing across tenants (the only cross-tenant read), oldest first, cursor-paginated. */
export async function listClients({ ctx, input }: { ctx: Ctx; input: ListClientsInput }) {
  const filters: SQL[] = [];
  if (input.status) filters.push(eq(clients.status, input.status));
  if (input.search) {
    // LIKE's own wildcards in the search are literal characters, not patterns.
    const pattern = `%${input.search.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
    const match = or(ilike(clients.name, pattern), ilike(clients.contactEmail, pattern));
    if (match) filters.push(match);
  }
  if (input.cursor) filters.push(gt(clients.id, decodeCursor(input.cursor)));
  const rows = await ctx.deps.db
    .select()
    .from(clients)
    .where(filters.length ? and(...filters) : undefined)
    .orderBy(asc(clients.id))
    .limit(input.limit + 1);
  const page = rows.slice(0, input.limit);
  const last = page.at(-1);
  return {
    data: page.map(clientView),
    next_cursor: rows.length > input.limit && last ? Buffer.from(last.id).toString("base64url") : null,
  };
}
