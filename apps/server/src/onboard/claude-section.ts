// How to connect Claude once the account is connected. The API key is deliberately not on the page
// (the link is a bearer URL that may be forwarded): the page says where the key comes from.
import { claudeConfigs } from "../demo/summary";
import { html } from "./html";

export const API_KEY_PLACEHOLDER = "YOUR_API_KEY";

export function claudeSection(publicBaseUrl: string, visible: boolean) {
  const mcpUrl = `${publicBaseUrl}/mcp`;
  const configs = claudeConfigs(mcpUrl, API_KEY_PLACEHOLDER, "tag-compliance");
  return html`<section id="claude" ${visible ? "" : html`hidden`}>
<h2>Connect Claude</h2>
<p>The MCP endpoint is <code id="mcp-url">${mcpUrl}</code>. Replace <code>${API_KEY_PLACEHOLDER}</code>
with your API key: it is not shown on this page. Your Tag Compliance Cloud administrator issues it to
you; it is displayed only once, when it is created.</p>
<p><strong>Claude Code</strong></p>
<pre id="claude-code">${configs.claudeCode}</pre>
<p><strong>Claude Desktop</strong> (<code>claude_desktop_config.json</code>, through <code>mcp-remote</code>)</p>
<pre id="claude-desktop">${configs.claudeDesktop}</pre>
</section>`;
}
