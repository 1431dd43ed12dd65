// The e-mail: a plain-text part and a small HTML part with the same content.
import type { MailMessage } from "../config";
import type { AlertDigest } from "../digest";
import { countsLine, headline, itemLine, moreLine, partialNote } from "./text";

const html = (text: string) =>
  text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;").replaceAll('"', "&quot;");

export function emailMessage(digest: AlertDigest, to: string[]): MailMessage {
  const subject = headline(digest);
  const notes = [partialNote(digest), moreLine(digest)].filter((n): n is string => n !== null);
  const lines = digest.items.map(itemLine);
  const text = [subject, "", countsLine(digest), "", ...lines.map((l) => `- ${l}`), ...notes].join("\n");
  const body = [
    `<h1 style="font-size:18px">${html(subject)}</h1>`,
    `<p>${html(countsLine(digest))}</p>`,
    lines.length ? `<ul>${lines.map((l) => `<li>${html(l)}</li>`).join("")}</ul>` : "",
    ...notes.map((n) => `<p><em>${html(n)}</em></p>`),
  ].join("\n");
  return { to, subject, text, html: `<!doctype html><html><body>${body}</body></html>` };
}
