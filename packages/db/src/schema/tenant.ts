import { text } from "drizzle-orm/pg-core";
import { clients } from "./clients";

/**
 * The owning tenant of a row: not null, and a plain foreign key. No `on delete cascade`: audit and
 * usage rows must survive offboarding, so deleting a client that still has rows is refused and
 * offboarding is a status change (see clients.ts). Kept apart from columns.ts to avoid an import cycle.
 */
export const clientIdColumn = () =>
  text("client_id")
    .notNull()
    .references(() => clients.id);
