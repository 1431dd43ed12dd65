// Cost Explorer's SERVICE values as they appear on real bills, old and new. AWS renames services
// (Elasticsearch → OpenSearch, Kinesis Data Firehose → Data Firehose) and accounts keep showing the
// name their usage was first billed under, so each catalog service also answers to the names its
// spend has been seen under. Sources: GetDimensionValues(SERVICE) answers published with code that
// reads them ("Amazon Elastic Container Service for Kubernetes", "Amazon Elastic Load Balancing",
// "Amazon Elasticsearch Service", "Amazon EC2 Container Service", "CodeBuild"), public Cost Explorer
// readers mapping "Amazon Elastic MapReduce" and both Firehose names, and AWS's rename notices.
// The catalog keeps one canonical name per service; a line under an alias is read as that name.

/** Alias → the catalog's canonical service name. */
export const SERVICE_NAME_ALIASES: Readonly<Record<string, string>> = Object.freeze({
  "Amazon Elastic Container Service for Kubernetes": "Amazon Elastic Kubernetes Service",
  "Amazon Elastic Load Balancing": "Elastic Load Balancing",
  "Amazon Elasticsearch Service": "Amazon OpenSearch Service",
  "Amazon EC2 Container Service": "Amazon Elastic Container Service",
  CodeBuild: "AWS CodeBuild",
  "Amazon Elastic MapReduce": "Amazon EMR",
  "Amazon Data Firehose": "Amazon Kinesis Firehose",
});

/** The catalog's name for a SERVICE value as Cost Explorer wrote it. */
export const canonicalServiceName = (name: string): string => SERVICE_NAME_ALIASES[name] ?? name;

/** Every SERVICE value a canonical service's spend may appear under (for Cost Explorer filters). */
export function billedServiceNames(canonical: string): string[] {
  return [
    canonical,
    ...Object.entries(SERVICE_NAME_ALIASES)
      .filter(([, target]) => target === canonical)
      .map(([alias]) => alias),
  ];
}
