// A tag policy document that cannot be read at all (not JSON, no `tags` map). Smaller problems in a
// readable document are warnings on the result, so one odd entry never blocks the import.

export class TagPolicyFormatError extends Error {
  readonly code = "invalid_tag_policy";
  readonly field: string;

  constructor(message: string, field = "policy") {
    super(message);
    this.name = "TagPolicyFormatError";
    this.field = field;
  }
}
