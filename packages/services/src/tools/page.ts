// Large lists are capped with a total and an opaque cursor to the next page. The default page is small
// on purpose: a 50,000-resource account has tens of thousands of violations, and 100 of them alone
// were over 10,000 tokens of a model's context; a model asks for more (limit, next_cursor) when it
// needs them.
import { invalid } from "../errors";

export const DEFAULT_PAGE = 25;

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
  // What a summary tells the model is left, so it knows whether paging is worth it.
  const remaining = items.length - offset - page.length;
  return { items: page, total: items.length, remaining: Math.max(0, remaining), next_cursor: next };
}

/** The summary's sentence about the rest of a list: how many, and the call that gets them. */
export function morePages(shown: number, remaining: number, what: string): string | null {
  if (remaining === 0) return null;
  return `This page lists ${shown}; ${remaining} more ${what} follow: call again with cursor set to next_cursor (limit up to 100 a page).`;
}
