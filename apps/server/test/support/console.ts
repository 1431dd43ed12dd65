// Driving the operator console in-process the way a browser does: form posts with the console's
// Origin, the session cookie carried by hand, the CSRF token read from the page's hidden field.
import type { App } from "../../src/app";
import { PUBLIC_BASE_URL } from "../harness";

export const CONSOLE_ORIGIN = new URL(PUBLIC_BASE_URL).origin;

export interface ConsoleRequest {
  cookie?: string | undefined;
  /** Form fields, sent urlencoded. */
  form?: Record<string, string | string[]>;
  /** Default the console's own origin; null sends none. */
  origin?: string | null;
}

export function consoleRequest(app: App, method: string, path: string, options: ConsoleRequest = {}) {
  const headers = new Headers();
  if (options.cookie) headers.set("cookie", options.cookie);
  const origin = options.origin === undefined ? CONSOLE_ORIGIN : options.origin;
  if (origin !== null && method !== "GET") headers.set("origin", origin);
  let body: string | undefined;
  if (method !== "GET") {
    const params = new URLSearchParams();
    for (const [name, value] of Object.entries(options.form ?? {}))
      for (const v of [value].flat()) params.append(name, v);
    body = params.toString();
    headers.set("content-type", "application/x-www-form-urlencoded");
  }
  return app.request(path, { method, headers, ...(body !== undefined ? { body } : {}), redirect: "manual" });
}

/** The name=value part of the session's Set-Cookie, for the next request's Cookie header. */
export function sessionCookieOf(response: Response): string {
  const header = response.headers.getSetCookie().find((c) => c.startsWith("__Secure-tagc_console="));
  if (!header)
    throw new Error(`no session cookie in ${response.status} ${response.headers.get("set-cookie")}`);
  return header.split(";")[0] ?? "";
}

export const csrfTokenOf = (html: string) => /name="csrf_token" value="([^"]+)"/.exec(html)?.[1] ?? "";

export interface ConsoleSignIn {
  cookie: string;
  csrf: string;
}

/** Signs in with `token` and reads the CSRF token from the clients page. */
export async function signIn(app: App, token: string): Promise<ConsoleSignIn> {
  const response = await consoleRequest(app, "POST", "/console/sign-in", { form: { token } });
  if (response.status !== 303)
    throw new Error(`sign-in answered ${response.status}: ${await response.text()}`);
  const cookie = sessionCookieOf(response);
  const home = await consoleRequest(app, "GET", "/console", { cookie });
  return { cookie, csrf: csrfTokenOf(await home.text()) };
}
