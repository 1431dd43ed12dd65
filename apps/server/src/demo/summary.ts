// What `pnpm start` prints in demo mode: how to reach each seeded client, from Claude and with curl.

export interface DemoClient {
  id: string;
  name: string;
  account: string;
  status: string;
  apiKey: string;
  error: { code: string; fix: string | null } | null;
}

export function claudeConfigs(mcpUrl: string, apiKey: string, name: string) {
  const desktop = {
    mcpServers: {
      [name]: {
        command: "npx",
        // mcp-remote expands ${AUTH_HEADER} itself: the header stays out of the arguments' quoting.
        // biome-ignore lint/suspicious/noTemplateCurlyInString: a literal placeholder for mcp-remote
        args: ["-y", "mcp-remote", mcpUrl, "--header", "Authorization:${AUTH_HEADER}"],
        env: { AUTH_HEADER: `Bearer ${apiKey}` },
      },
    },
  };
  const messages = {
    model: "claude-sonnet-4-5",
    max_tokens: 2048,
    messages: [{ role: "user", content: "How compliant are our EC2 instances?" }],
    mcp_servers: [{ type: "url", url: mcpUrl, name, authorization_token: apiKey }],
  };
  return {
    claudeCode: `claude mcp add --transport http ${name} ${mcpUrl} --header "Authorization: Bearer ${apiKey}"`,
    claudeDesktop: JSON.stringify(desktop, null, 2),
    messagesApi: `curl https://api.anthropic.com/v1/messages -H "x-api-key: $ANTHROPIC_API_KEY" -H "anthropic-version: 2023-06-01" -H "anthropic-beta: mcp-client-2025-04-04" -H "content-type: application/json" -d '${JSON.stringify(messages)}'`,
  };
}

export function printDemoSummary(input: {
  baseUrl: string;
  adminToken: string;
  sandboxUrl: string;
  clients: DemoClient[];
}) {
  const mcpUrl = `${input.baseUrl}/mcp`;
  const lines = [
    "",
    "Tag Compliance Cloud — demo mode",
    `  REST API     ${input.baseUrl}/v1   (docs: ${input.baseUrl}/docs)`,
    `  MCP endpoint ${mcpUrl}`,
    `  AWS sandbox  ${input.sandboxUrl}`,
    `  Admin token  ${input.adminToken}`,
  ];
  for (const client of input.clients) {
    const name = `tagc-${client.name.toLowerCase().replace(/[^a-z0-9]+/g, "-")}`;
    const configs = claudeConfigs(mcpUrl, client.apiKey, name);
    lines.push(
      "",
      `■ ${client.name} (${client.id}), AWS account ${client.account}: ${client.status}`,
      ...(client.error ? [`    error ${client.error.code}: ${client.error.fix ?? ""}`] : []),
      `  API key (shown once): ${client.apiKey}`,
      "  Claude Code:",
      `    ${configs.claudeCode}`,
      "  Claude Desktop (claude_desktop_config.json, through mcp-remote):",
      ...configs.claudeDesktop.split("\n").map((l) => `    ${l}`),
      "  Messages API MCP connector (needs a public https URL for the server):",
      `    ${configs.messagesApi}`,
    );
  }
  lines.push(
    "",
    "  REST:",
    `    curl -s -H "Authorization: Bearer ${input.adminToken}" ${input.baseUrl}/v1/clients`,
    `    curl -s -H "Authorization: Bearer ${input.adminToken}" ${input.baseUrl}/v1/clients/${input.clients[0]?.id ?? "<id>"}/status`,
    "",
  );
  console.log(lines.join("\n"));
}
