// POSTs an alert to a chat webhook with the address checks done on the connection itself: the
// lookup that `http(s).request` connects with refuses any non-public address, so a name that resolved
// to a public address when the schedule was created and to 169.254.169.254 now (DNS rebinding) is
// refused here, with no window between the check and the connect. Redirects are not followed.
import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import { request as httpRequest } from "node:http";
import { request as httpsRequest } from "node:https";
import type { LookupFunction } from "node:net";
import { isPublicAddress } from "./address";
import { SendFailure } from "./config";
import { webhookUrlProblem } from "./webhook-url";

export interface PostOptions {
  allowPrivate: boolean;
  timeoutMs: number;
}

const BLOCKED = "the webhook's address is private, loopback, link-local or metadata";

export const guardedLookup =
  (allowPrivate: boolean): LookupFunction =>
  (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (error, found: LookupAddress[]) => {
      if (error) return callback(error, "", 4);
      const addresses = allowPrivate ? found : found.filter((a) => isPublicAddress(a.address));
      if (!addresses.length || addresses.length < found.length)
        return callback(Object.assign(new Error(BLOCKED), { code: "ETAGC_BLOCKED" }), "", 4);
      if (options.all) return callback(null, addresses);
      const [first] = addresses as [LookupAddress];
      return callback(null, first.address, first.family);
    });
  };

/** Resolves on a 2xx; otherwise rejects with a SendFailure saying whether a retry can help. */
export function postJson(url: string, body: unknown, options: PostOptions): Promise<void> {
  const problem = webhookUrlProblem(url, options.allowPrivate);
  if (problem) return Promise.reject(new SendFailure(`the webhook URL ${problem}`, false));
  const target = new URL(url);
  const payload = Buffer.from(JSON.stringify(body));
  const send = target.protocol === "https:" ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = send(
      target,
      {
        method: "POST",
        headers: {
          "content-type": "application/json",
          "content-length": payload.length,
          "user-agent": "tag-compliance-cloud",
        },
        lookup: guardedLookup(options.allowPrivate),
        timeout: options.timeoutMs,
      },
      (res) => {
        // Drained and ignored: the receiver's answer could echo the message (or worse) into our rows.
        res.resume();
        res.on("end", () => {
          const status = res.statusCode ?? 0;
          if (status >= 200 && status < 300) return resolve();
          // Throttled or broken on their side: worth another try. Any other answer will not change.
          const retryable = status === 429 || status >= 500;
          reject(new SendFailure(`the webhook answered ${status}`, retryable));
        });
      },
    );
    req.on("timeout", () => req.destroy(new SendFailure("the webhook did not answer in time", true)));
    req.on("error", (error: NodeJS.ErrnoException) => {
      if (error instanceof SendFailure) return reject(error);
      if (error.code === "ETAGC_BLOCKED") return reject(new SendFailure(BLOCKED, false));
      reject(new SendFailure(`the webhook could not be reached (${error.code ?? "network error"})`, true));
    });
    req.end(payload);
  });
}
