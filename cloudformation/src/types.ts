/** A JSON value, as a CloudFormation template holds after its YAML tags are expanded. */
export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

export type JsonObject = { [key: string]: Json };

export interface CfnParameter {
  Type: string;
  Description?: string;
  Default?: string;
  AllowedPattern?: string;
  AllowedValues?: string[];
  MinLength?: number;
  MaxLength?: number;
  ConstraintDescription?: string;
  NoEcho?: boolean;
}

export interface CfnResource {
  Type: string;
  Properties?: JsonObject;
  [key: string]: Json | undefined;
}

/** The parts of a template this package reads; everything else stays as parsed JSON. */
export interface CfnTemplate {
  AWSTemplateFormatVersion?: string;
  Description?: string;
  Metadata?: JsonObject;
  Parameters?: Record<string, CfnParameter>;
  Mappings?: Record<string, Record<string, Record<string, Json>>>;
  Conditions?: JsonObject;
  Resources: Record<string, CfnResource>;
  Outputs?: Record<string, { Description?: string; Value: Json; Export?: JsonObject }>;
}

export type ConditionBlock = Record<string, Record<string, string | string[]>>;

export interface PolicyStatement {
  Sid?: string;
  Effect: "Allow" | "Deny";
  Principal?: Record<string, string | string[]> | "*";
  Action: string | string[];
  Resource?: string | string[];
  Condition?: ConditionBlock;
}

/** A plain IAM policy document, ready for CreateRole / PutRolePolicy. */
export interface PolicyDocument {
  Version: "2012-10-17";
  Statement: PolicyStatement[];
}

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
