// What `pnpm start` prints in demo mode: how to reach each seeded client.

export interface DemoClient {
  id: string;
  name: string;
  account: string;
  status: string;
  apiKey: string;
  error: { code: string; fix: string | null } | null;
}

export function printDemoSummary(input: {
  baseUrl: string;
  adminToken: string;
  sandboxUrl: string;
  clients: DemoClient[];
}) {
  const lines = [
    "",
    "Tag Compliance Cloud — demo mode",
    `  API        ${input.baseUrl}   (docs: ${input.baseUrl}/docs)`,
    `  AWS sandbox ${input.sandboxUrl}`,
    `  Admin token ${input.adminToken}`,
    "",
  ];
  for (const client of input.clients) {
    lines.push(`  ${client.name} (${client.id}), AWS account ${client.account}: ${client.status}`);
    if (client.error) lines.push(`    error ${client.error.code}: ${client.error.fix ?? ""}`);
    lines.push(`    API key (shown once): ${client.apiKey}`);
  }
  lines.push(
    "",
    "  Try:",
    `    curl -s -H "Authorization: Bearer ${input.adminToken}" ${input.baseUrl}/v1/clients | jq`,
    `    curl -s -H "Authorization: Bearer ${input.adminToken}" ${input.baseUrl}/v1/clients/${input.clients[0]?.id ?? "<id>"}/status | jq`,
    "",
  );
  console.log(lines.join("\n"));
}
