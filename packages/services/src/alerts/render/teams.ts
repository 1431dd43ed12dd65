// A Microsoft Teams webhook message (a Workflows "post to a channel when a webhook request is
// received" URL, or a legacy incoming webhook): an Adaptive Card in a message attachment, version 1.4,
// the highest both accept.
import type { AlertDigest } from "../digest";
import { countsLine, headline, itemLine, moreLine, partialNote } from "./text";

export function teamsMessage(digest: AlertDigest) {
  const notes = [partialNote(digest), moreLine(digest)].filter((n): n is string => n !== null);
  return {
    type: "message",
    attachments: [
      {
        contentType: "application/vnd.microsoft.card.adaptive",
        contentUrl: null,
        content: {
          $schema: "http://adaptivecards.io/schemas/adaptive-card.json",
          type: "AdaptiveCard",
          version: "1.4",
          body: [
            { type: "TextBlock", size: "Medium", weight: "Bolder", wrap: true, text: headline(digest) },
            { type: "TextBlock", wrap: true, text: countsLine(digest) },
            ...digest.items.map((item) => ({
              type: "TextBlock",
              wrap: true,
              spacing: "Small",
              text: `- ${itemLine(item)}`,
            })),
            ...notes.map((text) => ({ type: "TextBlock", wrap: true, isSubtle: true, text })),
          ],
        },
      },
    ],
  };
}
