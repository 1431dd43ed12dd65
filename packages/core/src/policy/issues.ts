// One problem found in a tagging policy, named by the path of the entry it concerns so that the
// author can find it: `required_tags[0].applies_to[1]`. The empty path means the document itself.

export interface PolicyIssue {
  path: string;
  message: string;
}

/** ["required_tags", 0, "applies_to", 1] -> "required_tags[0].applies_to[1]". */
export function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((out, key) => {
    if (typeof key === "number") return `${out}[${key}]`;
    const name = String(key);
    return out === "" ? name : `${out}.${name}`;
  }, "");
}

/** "required_tags[0].applies_to[1]: rds:db-instance is not a known resource type". */
export function formatPolicyIssue(issue: PolicyIssue): string {
  return issue.path === "" ? issue.message : `${issue.path}: ${issue.message}`;
}
