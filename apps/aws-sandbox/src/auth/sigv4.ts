// SigV4 verification. Rather than re-implementing the canonical-request rules, we rebuild the
// request from exactly the headers the client signed and sign it again with the caller's secret
// using the SDK's own signer; the two Authorization headers must then be identical.
import { Hash } from "@smithy/hash-node";
import { HttpRequest } from "@smithy/protocol-http";
import { SignatureV4 } from "@smithy/signature-v4";

export interface ParsedAuthorization {
  accessKeyId: string;
  date: string;
  region: string;
  service: string;
  signedHeaders: string[];
  signature: string;
}

const AUTH_RE =
  /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/([^/]+)\/aws4_request, ?SignedHeaders=([^,]+), ?Signature=([0-9a-f]{64})$/;

export function parseAuthorization(header: string | undefined): ParsedAuthorization | undefined {
  const match = header?.match(AUTH_RE);
  if (!match) return undefined;
  const [, accessKeyId, date, region, service, signedHeaders, signature] = match as unknown as string[];
  return {
    accessKeyId: accessKeyId!,
    date: date!,
    region: region!,
    service: service!,
    signedHeaders: signedHeaders!.split(";"),
    signature: signature!,
  };
}

export interface IncomingSigned {
  method: string;
  host: string;
  path: string;
  query: Record<string, string | string[]>;
  headers: Record<string, string>;
  body: Buffer;
}

function parseAmzDate(value: string | undefined): Date | undefined {
  const match = value?.match(/^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/);
  if (!match) return undefined;
  const [, y, mo, d, h, mi, s] = match.map(Number) as number[];
  return new Date(Date.UTC(y!, mo! - 1, d!, h!, mi!, s!));
}

export async function signatureMatches(
  request: IncomingSigned,
  auth: ParsedAuthorization,
  credentials: { accessKeyId: string; secretAccessKey: string; sessionToken?: string },
): Promise<boolean> {
  const signingDate = parseAmzDate(request.headers["x-amz-date"]);
  if (!signingDate) return false;
  const headers: Record<string, string> = {};
  for (const name of auth.signedHeaders) {
    const value = request.headers[name];
    if (value === undefined) return false;
    headers[name] = value;
  }
  const [hostname, port] = request.host.split(":");
  const rebuilt = new HttpRequest({
    method: request.method,
    protocol: "http:",
    hostname: hostname ?? "",
    ...(port ? { port: Number(port) } : {}),
    path: request.path,
    query: request.query,
    headers,
    body: request.body.length ? request.body : undefined,
  });
  const isS3 = auth.service === "s3";
  const signer = new SignatureV4({
    credentials,
    region: auth.region,
    service: auth.service,
    sha256: Hash.bind(null, "sha256"),
    // S3 signs the path as sent; every other service double-encodes it.
    uriEscapePath: !isS3,
    applyChecksum: isS3,
  });
  const signed = await signer.sign(rebuilt, {
    signingDate,
    signingRegion: auth.region,
    signingService: auth.service,
  });
  const expected = parseAuthorization(signed.headers.authorization ?? signed.headers.Authorization);
  return expected?.signature === auth.signature;
}
