// Splits a resource name into lowercase words, so patterns match whole words and never substrings
// ("product-catalog" is product + catalog, never "prod").

/** Words of `text`: split on separators, camelCase humps and letter/digit changes. */
export function tokenize(text: string): string[] {
  return (
    text
      // "OrdersAPI" → "Orders API", "APIGateway" → "API Gateway", "web01" → "web 01".
      .replace(/([a-z])([A-Z])/g, "$1 $2")
      .replace(/([A-Z]+)([A-Z][a-z])/g, "$1 $2")
      .replace(/([A-Za-z])([0-9])/g, "$1 $2")
      .replace(/([0-9])([A-Za-z])/g, "$1 $2")
      .toLowerCase()
      .split(/[^a-z0-9]+/)
      .filter((word) => word !== "")
  );
}
