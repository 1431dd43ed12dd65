// Local stand-ins for the outside world an alert reaches: an SMTP server (the `smtp-server` package)
// and an HTTP endpoint per webhook path, each recording what it received.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { type ParsedMail, simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

export interface Mail {
  to: string[];
  from: string;
  subject: string;
  text: string;
  html: string;
}

export async function startSmtpSink() {
  const received: Mail[] = [];
  const server = new SMTPServer({
    // Plain SMTP on loopback: no TLS and no login, as a local relay.
    disabledCommands: ["STARTTLS", "AUTH"],
    authOptional: true,
    logger: false,
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((mail: ParsedMail) => {
          received.push({
            to: session.envelope.rcptTo.map((r) => r.address),
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
            subject: mail.subject ?? "",
            text: mail.text ?? "",
            html: typeof mail.html === "string" ? mail.html : "",
          });
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Records each POST by path and answers the next status queued for that path (200 when none). */
export async function startWebhookSink() {
  const received: { path: string; body: Record<string, unknown> }[] = [];
  const statuses = new Map<string, number[]>();
  const server = createServer((req, res) => {
    let text = "";
    req.on("data", (chunk: Buffer) => {
      text += chunk.toString();
    });
    req.on("end", () => {
      const path = req.url ?? "/";
      received.push({ path, body: JSON.parse(text) });
      res.writeHead(statuses.get(path)?.shift() ?? 200, { "content-type": "text/plain" });
      res.end("ok");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: (path: string) => `http://127.0.0.1:${port}${path}`,
    received,
    bodiesAt: (path: string) => received.filter((r) => r.path === path).map((r) => r.body),
    failNext(path: string, ...codes: number[]) {
      statuses.set(path, [...(statuses.get(path) ?? []), ...codes]);
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
