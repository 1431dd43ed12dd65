// The layering, enforced: `server → services → {core, aws, db}`. The edge reaches the database only
// through services verbs (types of @tagc/db rows are fine), and services know nothing of HTTP or MCP.
// Imports are read with the TypeScript parser, so `import type` and `type` specifiers are told apart.
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("../../..", import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return /\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

/** Module specifiers a file imports or re-exports as values (type-only imports left out). */
function valueImports(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  for (const statement of source.statements) {
    if (ts.isImportDeclaration(statement) && ts.isStringLiteral(statement.moduleSpecifier)) {
      const clause = statement.importClause;
      const typeOnly =
        clause?.isTypeOnly ||
        (clause && !clause.name && clause.namedBindings && ts.isNamedImports(clause.namedBindings)
          ? clause.namedBindings.elements.every((element) => element.isTypeOnly)
          : false);
      if (!typeOnly) found.push(statement.moduleSpecifier.text);
    }
    if (
      ts.isExportDeclaration(statement) &&
      statement.moduleSpecifier &&
      ts.isStringLiteral(statement.moduleSpecifier)
    ) {
      if (!statement.isTypeOnly) found.push(statement.moduleSpecifier.text);
    }
  }
  return found;
}

function offenders(dir: string, forbidden: RegExp) {
  return sources(join(ROOT, dir)).flatMap((file) =>
    valueImports(file)
      .filter((specifier) => forbidden.test(specifier))
      .map((specifier) => `${relative(ROOT, file)} imports ${specifier}`),
  );
}

describe("layering", () => {
  it("apps/server imports no drizzle-orm and no @tagc/db values: the database is reached through services", () => {
    expect(offenders("apps/server/src", /^(drizzle-orm|@tagc\/db)(\/|$)/)).toEqual([]);
  });

  it("packages/services knows no HTTP framework and no MCP SDK", () => {
    expect(offenders("packages/services/src", /^(hono|@hono\/|@modelcontextprotocol\/)/)).toEqual([]);
  });

  it("packages/core imports nothing of ours", () => {
    expect(offenders("packages/core/src", /^@tagc\//)).toEqual([]);
  });

  it("reads what it checks: a value import is seen, a type-only one is not", () => {
    // The check itself, on this repository's own files: deps.ts uses the database only as a type.
    const deps = valueImports(join(ROOT, "apps/server/src/deps.ts"));
    expect(deps).toContain("@tagc/services");
    expect(deps).not.toContain("@tagc/db");
  });
});
