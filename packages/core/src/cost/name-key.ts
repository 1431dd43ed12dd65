// The key a Name tag and a Cost Explorer TAG:Name value are compared on.
// TOOLS.md: "case-insensitive, spaces as dashes", so "Web Server" matches the CE group "web-server".

export function nameKey(value: string): string {
  // Runs of whitespace become one dash so "web  server" and "web server" land on the same key.
  return value.trim().toLowerCase().replace(/\s+/g, "-");
}
