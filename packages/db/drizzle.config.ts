import { defineConfig } from "drizzle-kit";

// `pnpm --filter @tagc/db db:generate` writes the next SQL migration into the repository's
// /migrations folder (committed and reviewed); `migrate()` applies them on start and in tests.
export default defineConfig({
  dialect: "postgresql",
  schema: "./src/schema/index.ts",
  out: "../../migrations",
});
