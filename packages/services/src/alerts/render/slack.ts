// A Slack incoming-webhook message in Block Kit: a header, the counts, the resources to fix; `text`
// is the notification fallback Slack shows where blocks are not rendered.
import type { AlertDigest } from "../digest";
import { countsLine, headline, itemLine, moreLine, partialNote } from "./text";

// Slack's mrkdwn treats these three as control characters; tag values are customer data.
const mrkdwn = (text: string) =>
  text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;");
// A section's text is limited to 3,000 characters.
const SECTION_LIMIT = 2_900;

export function slackMessage(digest: AlertDigest) {
  const title = headline(digest);
  const list = digest.items.map((item) => `• ${mrkdwn(itemLine(item))}`).join("\n");
  const notes = [partialNote(digest), moreLine(digest)].filter((n): n is string => n !== null);
  return {
    text: `${title}. ${countsLine(digest)}`,
    blocks: [
      { type: "header", text: { type: "plain_text", text: title.slice(0, 150) } },
      { type: "section", text: { type: "mrkdwn", text: mrkdwn(countsLine(digest)) } },
      ...(list ? [{ type: "section", text: { type: "mrkdwn", text: list.slice(0, SECTION_LIMIT) } }] : []),
      ...(notes.length
        ? [{ type: "context", elements: notes.map((n) => ({ type: "mrkdwn", text: mrkdwn(n) })) }]
        : []),
    ],
  };
}
