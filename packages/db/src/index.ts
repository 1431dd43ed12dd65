export { createDatabase, type Database, type DatabaseHandle, type DatabaseOptions, type Tx } from "./client";
export { isDatabaseUnavailable, isUniqueViolation, type PgError, pgError } from "./errors";
export { ID_PREFIXES, type IdPrefix, idTimestamp, isId, newId, newShortId } from "./ids";
export { MIGRATIONS_FOLDER, type MigrateOptions, migrate } from "./migrate";
export * from "./schema";
