// Rendering results and errors in each protocol's wire format.
import { isRawBody, type XmlBody } from "./operation";
import type { ServiceDef } from "./services";
import { toXml } from "./xml";

export interface WireResponse {
  status: number;
  headers: Record<string, string>;
  body: string | Buffer;
}

export function renderResult(
  service: ServiceDef,
  operation: string,
  result: unknown,
  requestId: string,
): WireResponse {
  const ids = { "x-amzn-requestid": requestId, "x-amz-request-id": requestId };
  switch (service.protocol) {
    case "query":
      return {
        status: 200,
        headers: { ...ids, "content-type": "text/xml" },
        body: toXml(
          `${operation}Response`,
          { [`${operation}Result`]: result ?? {}, ResponseMetadata: { RequestId: requestId } },
          service.xmlns,
        ),
      };
    case "ec2":
      return {
        status: 200,
        headers: { ...ids, "content-type": "text/xml;charset=UTF-8" },
        body: toXml(`${operation}Response`, { requestId, ...(result as object) }, service.xmlns),
      };
    case "json":
      return {
        status: 200,
        headers: { ...ids, "content-type": `application/x-amz-json-${service.jsonVersion ?? "1.1"}` },
        body: JSON.stringify(result ?? {}),
      };
    case "restjson":
      return {
        status: 200,
        headers: { ...ids, "content-type": "application/json" },
        body: JSON.stringify(result ?? {}),
      };
    case "restxml": {
      if (isRawBody(result))
        return { status: 200, headers: { ...ids, ...result.headers }, body: result.body };
      const { root, body } = result as XmlBody;
      return {
        status: 200,
        headers: { ...ids, "content-type": "application/xml" },
        body: toXml(root, body, service.xmlns ?? "http://s3.amazonaws.com/doc/2006-03-01/"),
      };
    }
  }
}

export function renderError(
  service: ServiceDef,
  error: { code: string; message: string; status: number; kind: string },
  requestId: string,
): WireResponse {
  const ids = { "x-amzn-requestid": requestId, "x-amz-request-id": requestId };
  switch (service.protocol) {
    case "query":
      return {
        status: error.status,
        headers: { ...ids, "content-type": "text/xml" },
        body: toXml(
          "ErrorResponse",
          { Error: { Type: error.kind, Code: error.code, Message: error.message }, RequestId: requestId },
          service.xmlns,
        ),
      };
    case "ec2":
      return {
        status: error.status,
        headers: { ...ids, "content-type": "text/xml;charset=UTF-8" },
        body: toXml("Response", {
          Errors: { Error: { Code: error.code, Message: error.message } },
          RequestID: requestId,
        }),
      };
    case "json":
    case "restjson":
      return {
        status: error.status,
        headers: { ...ids, "content-type": "application/json", "x-amzn-errortype": error.code },
        body: JSON.stringify({ __type: error.code, message: error.message }),
      };
    case "restxml":
      // S3 answers a bare <Error>; the other REST-XML services (CloudFront, Route 53) wrap it.
      if (service.signingName !== "s3")
        return {
          status: error.status,
          headers: { ...ids, "content-type": "text/xml" },
          body: toXml(
            "ErrorResponse",
            { Error: { Type: error.kind, Code: error.code, Message: error.message }, RequestId: requestId },
            service.xmlns,
          ),
        };
      return {
        status: error.status,
        headers: { ...ids, "content-type": "application/xml" },
        body: toXml("Error", { Code: error.code, Message: error.message, RequestId: requestId }),
      };
  }
}
