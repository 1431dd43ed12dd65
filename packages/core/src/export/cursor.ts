// Opaque page cursors: the offset of the next item, base64url-encoded with a version prefix so the
// format can change without old cursors being misread. Opaque so callers do not build their own.
import { CoreInputError } from "../errors";

const PREFIX = "v1:";

export function encodeCursor(offset: number): string {
  return btoa(`${PREFIX}${offset}`).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

/** The offset a cursor points at; a cursor we did not issue is an input error. */
export function decodeCursor(cursor: string): number {
  let text = "";
  try {
    text = atob(cursor.replace(/-/g, "+").replace(/_/g, "/"));
  } catch {
    // fall through to the error below
  }
  const offset = text.startsWith(PREFIX) ? Number(text.slice(PREFIX.length)) : Number.NaN;
  if (!/^v1:\d{1,15}$/.test(text) || !Number.isSafeInteger(offset)) {
    throw new CoreInputError(
      "cursor",
      "cursor is not one this export issued: omit it to start from the first page",
    );
  }
  return offset;
}
