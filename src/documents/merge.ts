// One PDF out of many, for printing a batch of labels or invoices in one go.

import { PDFDocument } from "pdf-lib";
import { parseTimestamp } from "./format";
import { createPdf, savePdf } from "./pdf";

export interface MergeOptions {
  /** Title of the merged document. */
  title?: string;
  /**
   * ISO timestamp recorded as the creation date. Without one the file carries no date at all, so it
   * stays byte-identical for the same parts whenever it is built.
   */
  issuedAt?: string | null;
}

/** All pages of `parts`, in order, in one document. Throws on an empty list: a PDF needs a page. */
export async function mergePdfs(parts: Uint8Array[], options: MergeOptions = {}): Promise<Uint8Array> {
  if (parts.length === 0) throw new RangeError("Nothing to merge");
  const merged = await createPdf(
    options.title ?? "Shipping documents",
    options.issuedAt ? parseTimestamp(options.issuedAt) : null,
  );
  for (const part of parts) {
    const source = await PDFDocument.load(part, { updateMetadata: false });
    const pages = await merged.copyPages(source, source.getPageIndices());
    for (const page of pages) merged.addPage(page);
  }
  return savePdf(merged);
}
