// The hand-computed two-tenant world of the test kit (packages/testkit/src/worlds/hand-computed.ts).
export {
  ACME_ACCOUNT as ACME,
  acmeAccount,
  GLOBEX_ACCOUNT as GLOBEX,
  GLOBEX_POLICY,
  globexAccount,
  handComputedSeed as seed,
} from "@tagc/testkit";
