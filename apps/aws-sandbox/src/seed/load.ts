import { readFile } from "node:fs/promises";
import { type Seed, seedSchema } from "./schema";

export class SeedError extends Error {
  override name = "SeedError";
}

/** Validates a seed object; errors name the path of the offending entry. */
export function parseSeed(input: unknown, source = "seed"): Seed {
  const result = seedSchema.safeParse(input);
  if (result.success) return result.data;
  const issues = result.error.issues.map(
    (issue) => `  ${issue.path.join(".") || "(root)"}: ${issue.message}`,
  );
  throw new SeedError(`${source} is invalid:\n${issues.join("\n")}`);
}

export async function loadSeedFile(path: string): Promise<Seed> {
  let json: unknown;
  try {
    json = JSON.parse(await readFile(path, "utf8"));
  } catch (error) {
    throw new SeedError(`cannot read seed ${path}: ${(error as Error).message}`);
  }
  return parseSeed(json, path);
}
