export { AwsError } from "./errors";
export { type GenerateOptions, generateAccount } from "./generate";
export { loadSeedFile, parseSeed, SeedError } from "./seed/load";
export type {
  AccountSeedInput,
  PolicyDocument,
  ResourceSeed,
  ResourceSeedInput,
  RoleSeedInput,
  Seed,
  SeedInput,
} from "./seed/schema";
export { type Sandbox, type SandboxOptions, startSandbox } from "./server";
export type { CounterSnapshot } from "./world/counters";
export type { Faults, FaultsInput } from "./world/faults";
