// Large lists are capped (default 100 items) with a total and an opaque cursor to the next page.
import { invalid } from "../errors";

export const DEFAULT_PAGE = 100;

export function pageOf<T>(items: readonly T[], cursor: string | undefined, size: number = DEFAULT_PAGE) {
  let offset = 0;
  if (cursor) {
    const decoded = Number(Buffer.from(cursor, "base64url").toString("utf8").replace(/^o:/, ""));
    if (
      !Number.isInteger(decoded) ||
      decoded < 0 ||
      !Buffer.from(cursor, "base64url").toString("utf8").startsWith("o:")
    ) {
      throw invalid("cursor", "is not a cursor returned by this tool; omit it to start from the first page");
    }
    offset = decoded;
  }
  const page = items.slice(offset, offset + size);
  const next =
    offset + page.length < items.length
      ? Buffer.from(`o:${offset + page.length}`).toString("base64url")
      : null;
  return { items: page, total: items.length, next_cursor: next };
}
