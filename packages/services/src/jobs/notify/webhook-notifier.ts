import type { Notifier, ReportNotification } from "./notifier";

export interface WebhookNotifierOptions {
  url: string;
  timeoutMs?: number;
  /** Injectable for tests; the global fetch otherwise. */
  fetch?: typeof fetch;
}

/**
 * POSTs each report as JSON to the operator's endpoint (a mail or chat relay), which delivers it to the
 * recipients. A non-2xx answer or a timeout throws, so the delivery job retries with back-off.
 */
export class WebhookNotifier implements Notifier {
  readonly kind = "webhook";
  private readonly url: string;
  private readonly timeoutMs: number;
  private readonly fetch: typeof fetch;

  constructor(options: WebhookNotifierOptions) {
    this.url = options.url;
    this.timeoutMs = options.timeoutMs ?? 10_000;
    this.fetch = options.fetch ?? globalThis.fetch;
  }

  async send(notification: ReportNotification): Promise<void> {
    const response = await this.fetch(this.url, {
      method: "POST",
      headers: { "content-type": "application/json", "user-agent": "tag-compliance-cloud" },
      body: JSON.stringify({ type: "compliance_report", ...notification }),
      signal: AbortSignal.timeout(this.timeoutMs),
    });
    // Drained so the connection can be reused; the body is not ours to interpret.
    await response.arrayBuffer().catch(() => undefined);
    // The status only: the receiver's answer could echo the report back into our logs.
    if (!response.ok) throw new Error(`the report webhook answered ${response.status}`);
  }
}
