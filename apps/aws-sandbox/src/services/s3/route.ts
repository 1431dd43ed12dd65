// S3 addressing: which bucket and key a request names, and which operation its method selects.
// Both styles S3 serves are understood: path style (http://endpoint/bucket/key, what the SDK sends
// with forcePathStyle) and virtual-hosted style (http://bucket.endpoint/key), where the bucket is
// the first label(s) of the Host header.
import type { IncomingSigned } from "../../auth/sigv4";
import type { OpInput } from "../../protocol/operation";

// bucket.s3.amazonaws.com, bucket.s3.eu-west-1.amazonaws.com, bucket.s3-eu-west-1.amazonaws.com,
// and bucket.localhost / bucket.s3.localhost for a sandbox reached by name.
const VIRTUAL_HOSTS = [
  /^(.+)\.s3(?:[.-][a-z0-9-]+)?\.amazonaws\.com(?:\.cn)?$/,
  /^(.+?)(?:\.s3)?\.localhost$/,
];

/** The bucket a virtual-hosted Host header names, or undefined for path style. */
export function virtualHostBucket(host: string): string | undefined {
  const name = host.replace(/:\d+$/, "").toLowerCase();
  for (const pattern of VIRTUAL_HOSTS) {
    const bucket = pattern.exec(name)?.[1];
    if (bucket) return bucket;
  }
  return undefined;
}

export interface S3Address {
  bucket: string | undefined;
  /** The object key, decoded; "" when the request names the bucket itself. */
  key: string;
}

export function s3Address(request: IncomingSigned): S3Address {
  const path = request.path.startsWith("/") ? request.path.slice(1) : request.path;
  const fromHost = virtualHostBucket(request.host);
  if (fromHost) return { bucket: fromHost, key: decodeKey(path) };
  const slash = path.indexOf("/");
  if (slash < 0) return { bucket: path ? decodeURIComponent(path) : undefined, key: "" };
  return { bucket: decodeURIComponent(path.slice(0, slash)), key: decodeKey(path.slice(slash + 1)) };
}

// Keys are percent-encoded segment by segment; "/" inside a key is a literal separator.
const decodeKey = (raw: string) => raw.split("/").map(decodeURIComponent).join("/");

/** Bucket-level subresources (?tagging, ?location) choose the operation before the method does. */
function bucketOperation(method: string, query: IncomingSigned["query"]): string | undefined {
  if (method === "GET" && "tagging" in query) return "GetBucketTagging";
  if (method === "GET" && "location" in query) return "GetBucketLocation";
  if (method === "PUT" && Object.keys(query).every((name) => name === "x-id")) return "CreateBucket";
  if (method === "HEAD") return "HeadBucket";
  return undefined;
}

function objectOperation(method: string, query: IncomingSigned["query"]): string | undefined {
  // Subresources of an object (?tagging, ?acl, ?uploads...) are not emulated.
  if (Object.keys(query).some((name) => !name.startsWith("x-id") && !name.startsWith("response-")))
    return undefined;
  if (method === "PUT") return "PutObject";
  if (method === "GET") return "GetObject";
  if (method === "HEAD") return "HeadObject";
  return undefined;
}

export function routeS3(request: IncomingSigned): { name: string; input: OpInput } | undefined {
  const { bucket, key } = s3Address(request);
  if (!bucket) {
    return request.method === "GET" ? { name: "ListBuckets", input: { ...request.query } } : undefined;
  }
  const name = key
    ? objectOperation(request.method, request.query)
    : bucketOperation(request.method, request.query);
  if (!name) return undefined;
  return {
    name,
    input: {
      ...request.query,
      Bucket: bucket,
      ...(key ? { Key: key } : {}),
      // Object writes carry their payload and its metadata; the handlers read them from here.
      Body: request.body,
      ContentType: request.headers["content-type"],
    },
  };
}
