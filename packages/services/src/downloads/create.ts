// Stores a bulk result for the calling client and returns its signed, expiring URL: what a tool puts
// in `download` instead of inlining thousands of rows into a model's context.
import { downloads, newId } from "@tagc/db";
import { and, eq, lt } from "drizzle-orm";
import type { ClientCtx } from "../context";
import { EXPIRED_GRACE_MS } from "./config";
import { signDownload } from "./signature";

export interface DownloadInput {
  tool: string;
  filename: string;
  contentType: string;
  body: string;
  /** Data rows (CSV) or records (resources, policies) in the file. */
  rows: number;
}

export interface DownloadLink {
  url: string;
  expires_at: string;
  bytes: number;
  rows: number;
  content_type: string;
}

export async function createDownload({ ctx, input }: { ctx: ClientCtx; input: DownloadInput }) {
  const config = ctx.deps.downloads;
  const now = ctx.deps.now();
  const id = newId("dwn");
  const expiresAt = new Date(now.getTime() + config.ttlSeconds * 1000);
  const bytes = Buffer.byteLength(input.body, "utf8");
  const db = ctx.deps.db;
  // This client's long-expired files go as it makes a new one: no sweeper job, and the table holds
  // at most a day of any client's exports.
  await db
    .delete(downloads)
    .where(
      and(
        eq(downloads.clientId, ctx.client.id),
        lt(downloads.expiresAt, new Date(now.getTime() - EXPIRED_GRACE_MS)),
      ),
    );
  await db.insert(downloads).values({ id, clientId: ctx.client.id, ...input, bytes, expiresAt });
  const sig = signDownload(config.secret, { id, clientId: ctx.client.id, expiresAt });
  const url = new URL(`/v1/downloads/${id}`, config.baseUrl);
  url.searchParams.set("sig", sig);
  return {
    url: url.toString(),
    expires_at: expiresAt.toISOString(),
    bytes,
    rows: input.rows,
    content_type: input.contentType,
  } satisfies DownloadLink;
}
