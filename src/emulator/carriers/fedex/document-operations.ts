// The emulated ETD upload (CARRIERS.md FedEx §3 "Our invoice PDF, ETD"; upload-documents-api.json):
// a multipart body with a `document` JSON part and an `attachment` file part, answered 201 with a docId.
import type { CarrierContext, EmulatorReply, EmulatorRequest } from "../context";
import { checkFedexRequest } from "./contract";
import { boundaryOf, parseMultipart } from "./multipart";
import { fedexError, invalid, type Json } from "./replies";
import { bounded, MAX_DOCUMENTS, type FedexState } from "./state";

export function documentOperations(state: FedexState, ctx: CarrierContext) {
  const { documents } = state;

  function upload(request: EmulatorRequest, clientId: string): EmulatorReply & { document?: unknown } {
    const boundary = boundaryOf(request.headers["content-type"]);
    const parts = boundary ? parseMultipart(request.body, boundary) : null;
    const documentPart = parts?.find((part) => part.name === "document");
    const attachment = parts?.find((part) => part.name === "attachment");
    if (!parts || !documentPart || !attachment || attachment.data.length === 0) {
      return fedexError(
        400,
        [{ code: "1001", message: "Invalid request: invalid input : Invalid document details" }],
        request,
      );
    }
    let document: Json;
    try {
      document = JSON.parse(documentPart.data.toString("utf8"));
    } catch {
      return fedexError(
        400,
        [{ code: "1001", message: "Invalid request: invalid input : Invalid document details" }],
        request,
      );
    }
    const problems = checkFedexRequest("upload", document);
    if (problems.length) return invalid(problems, request);
    if (document.contentType === "application/pdf" && attachment.data.subarray(0, 5).toString("latin1") !== "%PDF-") {
      return fedexError(
        400,
        [{ code: "1001", message: "Invalid request: invalid input : The attachment is not a PDF" }],
        request,
      );
    }
    const docId = `0904${String(ctx.next("fedex:document")).padStart(12, "0")}`;
    documents.set(docId, {
      docId,
      name: document.name,
      contentType: document.contentType,
      size: attachment.data.length,
      origin: document.meta.originCountryCode,
      destination: document.meta.destinationCountryCode,
      clientId,
    });
    bounded(documents, MAX_DOCUMENTS);
    return { status: 201, body: { output: { meta: { documentType: "CI", docId, folderId: "0b0493e1812f8921" } } } };
  }

  return { upload };
}
