// Response bodies as the OpenAPI schemas declare them, so tests read fields with the API's own types.
import type { z } from "zod";
import type {
  ClientDetailSchema,
  ClientListSchema,
  ClientSchema,
  DeletedSchema,
  RegistrationSchema,
  StatusSchema,
  VerifyResultSchema,
} from "../../src/schemas/client";
import type { ErrorSchema } from "../../src/schemas/common";
import type { IssuedKeySchema, KeyListSchema, KeySchema, RotatedKeySchema } from "../../src/schemas/key";
import type { PolicySchema } from "../../src/schemas/policy";
import type { AuditListSchema, UsageSchema } from "../../src/schemas/usage";

export type ErrorBody = z.infer<typeof ErrorSchema>;
export type ClientBody = z.infer<typeof ClientSchema>;
export type Registration = z.infer<typeof RegistrationSchema>;
export type ClientDetail = z.infer<typeof ClientDetailSchema>;
export type ClientList = z.infer<typeof ClientListSchema>;
export type ClientStatusBody = z.infer<typeof StatusSchema>;
export type VerifyResult = z.infer<typeof VerifyResultSchema>;
export type DeletedClient = z.infer<typeof DeletedSchema>;
export type ApiKeyBody = z.infer<typeof KeySchema>;
export type IssuedKey = z.infer<typeof IssuedKeySchema>;
export type RotatedKey = z.infer<typeof RotatedKeySchema>;
export type KeyList = z.infer<typeof KeyListSchema>;
export type PolicyBody = z.infer<typeof PolicySchema>;
export type UsageBody = z.infer<typeof UsageSchema>;
export type AuditList = z.infer<typeof AuditListSchema>;
