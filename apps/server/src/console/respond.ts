// Every console page answers through here: the shell around the body, with the request's nonce.
import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { SafeHtml } from "../onboard/html";
import type { AppEnv } from "../types";
import { layout } from "./layout";

export function page(c: Context<AppEnv>, title: string, body: SafeHtml, status: ContentfulStatusCode = 200) {
  const session = c.get("consoleSession");
  return c.html(layout({ title, nonce: c.get("cspNonce"), session }, body), status);
}
