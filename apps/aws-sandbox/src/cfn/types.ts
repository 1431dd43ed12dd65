// The sandbox's model of a CloudFormation template and stack. Templates are plain JSON after the
// YAML short-form tags are expanded, exactly what CloudFormation itself evaluates.

import { z } from "zod";

export const jsonSchema = z.json();
export type Json = z.infer<typeof jsonSchema>;
export type JsonObject = { [key: string]: Json };

export const isObject = (value: unknown): value is JsonObject =>
  typeof value === "object" && value !== null && !Array.isArray(value);

const parameterSchema = z
  .object({
    Type: z.string(),
    Default: jsonSchema.optional(),
    AllowedPattern: z.string().optional(),
    AllowedValues: z.array(jsonSchema).optional(),
    MinLength: jsonSchema.optional(),
    MaxLength: jsonSchema.optional(),
    MinValue: jsonSchema.optional(),
    MaxValue: jsonSchema.optional(),
    ConstraintDescription: z.string().optional(),
    NoEcho: jsonSchema.optional(),
    Description: z.string().optional(),
  })
  .loose();

const resourceSchema = z
  .object({
    Type: z.string(),
    Properties: z.record(z.string(), jsonSchema).optional(),
    Condition: z.string().optional(),
    DependsOn: z.union([z.string(), z.array(z.string())]).optional(),
    DeletionPolicy: z.string().optional(),
  })
  .loose();

const outputSchema = z
  .object({
    Value: jsonSchema,
    Description: z.string().optional(),
    Condition: z.string().optional(),
    Export: jsonSchema.optional(),
  })
  .loose();

/** A template's sections as CloudFormation reads them (unknown keys are kept, not rejected). */
export const templateSchema = z
  .object({
    AWSTemplateFormatVersion: z.literal("2010-09-09").optional(),
    Description: z.string().optional(),
    Parameters: z.record(z.string(), parameterSchema).default({}),
    Mappings: z.record(z.string(), z.record(z.string(), z.record(z.string(), jsonSchema))).default({}),
    Conditions: z.record(z.string(), jsonSchema).default({}),
    Resources: z.record(z.string(), resourceSchema),
    Outputs: z.record(z.string(), outputSchema).default({}),
  })
  .loose();

export type Template = z.infer<typeof templateSchema>;
export type ParameterDecl = z.infer<typeof parameterSchema>;
export type ResourceDecl = z.infer<typeof resourceSchema>;

export type StackStatus =
  | "CREATE_IN_PROGRESS"
  | "CREATE_COMPLETE"
  | "CREATE_FAILED"
  | "ROLLBACK_IN_PROGRESS"
  | "ROLLBACK_COMPLETE"
  | "DELETE_IN_PROGRESS"
  | "DELETE_COMPLETE"
  | "DELETE_FAILED"
  | "ROLLBACK_FAILED";

export interface StackResource {
  logicalId: string;
  type: string;
  /** What Ref answers (a role's name). */
  physicalId: string;
  /** What Fn::GetAtt answers (Arn, RoleId). */
  attributes: Record<string, string>;
}

export interface StackEvent {
  eventId: string;
  logicalId: string;
  physicalId: string;
  type: string;
  status: string;
  reason?: string;
  timestamp: number;
}

export interface Stack {
  id: string;
  name: string;
  accountId: string;
  region: string;
  description?: string;
  templateBody: string;
  parameters: { key: string; value: string; noEcho: boolean }[];
  capabilities: string[];
  tags: { Key: string; Value: string }[];
  outputs: { key: string; value: string; description?: string }[];
  status: StackStatus;
  reason?: string;
  disableRollback: boolean;
  createdAt: number;
  deletedAt?: number;
  /** Resources that exist now, in creation order (deleted in reverse). */
  resources: StackResource[];
  /** Oldest first; DescribeStackEvents answers newest first, as AWS does. */
  events: StackEvent[];
}
