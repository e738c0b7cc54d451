// A small multipart/form-data reader (RFC 7578) for the ETD upload: FedEx's
// POST /documents/v1/etds/upload takes a `document` JSON part and an `attachment` file part
// (upload-documents-api.json etds_upload_body). Only what that endpoint needs: no nested
// multiparts, no transfer encodings; anything malformed is refused (null).

export interface FormPart {
  name: string;
  filename: string | null;
  contentType: string | null;
  data: Buffer;
}

/** The boundary of a multipart/form-data Content-Type header, or null. */
export function boundaryOf(contentType: string | undefined): string | null {
  if (!contentType || !/^multipart\/form-data\s*;/i.test(contentType)) return null;
  const match = /boundary=(?:"([^"]{1,70})"|([^\s;]{1,70}))/i.exec(contentType);
  return match ? (match[1] ?? match[2]) : null;
}

function headersOf(block: string): Map<string, string> {
  const headers = new Map<string, string>();
  for (const line of block.split("\r\n")) {
    const colon = line.indexOf(":");
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return headers;
}

/** The parts of a multipart body, or null when it is not well formed. */
export function parseMultipart(body: Buffer, boundary: string, maxParts = 10): FormPart[] | null {
  const delimiter = Buffer.from(`--${boundary}`);
  let at = body.indexOf(delimiter);
  if (at < 0) return null;
  const parts: FormPart[] = [];
  while (parts.length <= maxParts) {
    at += delimiter.length;
    // "--" after a delimiter closes the body.
    if (body.subarray(at, at + 2).toString() === "--") return parts;
    if (body.subarray(at, at + 2).toString() !== "\r\n") return null;
    const headerEnd = body.indexOf("\r\n\r\n", at + 2);
    if (headerEnd < 0) return null;
    const headers = headersOf(body.subarray(at + 2, headerEnd).toString("utf8"));
    const next = body.indexOf(Buffer.concat([Buffer.from("\r\n"), delimiter]), headerEnd + 4);
    if (next < 0) return null;
    const disposition = headers.get("content-disposition") ?? "";
    const name = /(?:^|;)\s*name="([^"]*)"/i.exec(disposition)?.[1];
    if (!/^form-data/i.test(disposition) || name === undefined) return null;
    parts.push({
      name,
      filename: /filename="([^"]*)"/i.exec(disposition)?.[1] ?? null,
      contentType: headers.get("content-type") ?? null,
      data: body.subarray(headerEnd + 4, next),
    });
    at = next + 2;
  }
  return null;
}
