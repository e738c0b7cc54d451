// Creating and saving documents so that the same input always gives the same bytes: a re-download
// of a label must be identical to the first one. pdf-lib writes no /ID and seeds its resource-name
// generator with a constant; what is left to pin down is the metadata it would otherwise fill with
// the current time.

import { PDFDocument, StandardFonts, type PDFFont } from "pdf-lib";

const PRODUCER = "ShipSmart Dashboard";

export interface Fonts {
  regular: PDFFont;
  bold: PDFFont;
}

/** A new empty document whose metadata depends only on `title` and `date`. */
export async function createPdf(title: string, date: Date | null): Promise<PDFDocument> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.setTitle(title);
  doc.setProducer(PRODUCER);
  doc.setCreator(PRODUCER);
  if (date) {
    doc.setCreationDate(date);
    doc.setModificationDate(date);
  }
  return doc;
}

/** Helvetica and Helvetica-Bold, embedded once per document and shared by all its pages. */
export async function embedFonts(doc: PDFDocument): Promise<Fonts> {
  // One after the other, so the fonts always get the same object numbers.
  const regular = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  return { regular, bold };
}

export function savePdf(doc: PDFDocument): Promise<Uint8Array> {
  // Classic cross-reference tables: readable by every viewer and faster for mergePdfs to load back.
  return doc.save({ useObjectStreams: false });
}
