// Decides whether a type may appear in a required tag's applies_to.
// Free types (ec2:vpc, sns:topic...) are known to the catalog but never scanned, so a rule naming
// them could never produce a finding. We reject them like unknown types, with a message saying they
// are free, rather than accepting a rule that silently does nothing.
import { isCostGeneratingType, isFreeType, typesOfService } from "../catalog";

/** Why `type` cannot appear in applies_to, or null when it is a scannable catalog type. */
export function resourceTypeIssue(type: string): string | null {
  if (isCostGeneratingType(type)) return null;
  if (isFreeType(type)) {
    return `${type} is a free resource type (no direct cost) and is never scanned; remove it from applies_to`;
  }
  const service = type.split(":")[0] ?? "";
  const siblings = typesOfService(service);
  const hint = siblings.length > 0 ? `; known ${service} types: ${siblings.join(", ")}` : "";
  return `${type} is not a known resource type${hint}`;
}
