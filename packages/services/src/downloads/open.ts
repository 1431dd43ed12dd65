// Resolves a download URL to its file. No API key: the signature is the credential. The client is
// read from the row and checked by the signature, never taken from the request, so an id of another
// client, or a signature of another download, opens nothing.
import { clients, downloads } from "@tagc/db";
import { eq } from "drizzle-orm";
import type { ServiceDeps } from "../context";
import { ServiceError } from "../errors";
import { signatureMatches } from "./signature";

export async function openDownload({
  deps,
  input,
}: {
  deps: ServiceDeps;
  input: { id: string; sig: string };
}) {
  const [row] = await deps.db
    .select({ download: downloads, status: clients.status })
    .from(downloads)
    .innerJoin(clients, eq(clients.id, downloads.clientId))
    .where(eq(downloads.id, input.id))
    .limit(1);
  // An offboarded client's files are as gone as a never-issued one.
  if (!row || row.status === "deleted") throw new ServiceError("NOT_FOUND", "download not found");
  const { download } = row;
  const fields = { id: download.id, clientId: download.clientId, expiresAt: download.expiresAt };
  // Checked before the expiry, so a forger learns nothing about the download.
  if (!signatureMatches(deps.downloads.secret, fields, input.sig)) {
    throw new ServiceError("FORBIDDEN", "sig: the signature does not match this download", { field: "sig" });
  }
  if (download.expiresAt.getTime() <= deps.now().getTime()) {
    throw new ServiceError(
      "GONE",
      `download expired at ${download.expiresAt.toISOString()}; call the tool again for a fresh URL`,
    );
  }
  return download;
}
