import { describe, expect, it } from "vitest";
import { renderInvoice } from "./invoice";
import { manyLines, sampleShipment } from "./testing/fixtures";
import { readPdf } from "./testing/pdf-reader";

describe("renderInvoice", () => {
  it("prints the declared value in US$ with the PTAX rate it was converted with", async () => {
    const converted = {
      ...sampleShipment(),
      currency: "BRL",
      usdValue: { usdCents: 111111, rate: { currency: "BRL", buyBrl: "1", usdBuyBrl: "5.4", date: "2026-11-30" } },
    };
    const [page] = await readPdf(await renderInvoice(converted));
    expect(page.items).toContain("DECLARED VALUE IN US$ (PTAX, BANCO CENTRAL DO BRASIL)");
    expect(page.items).toContain("US$ 1111.11 at PTAX buy 5.4 BRL/USD of 2026-11-30");
    const [inUsd] = await readPdf(await renderInvoice({ ...sampleShipment(), currency: "USD", usdValue: null }));
    expect(inUsd.items).toContain("Values in US$");
  });

  it("prints an A4 commercial invoice with every mandatory field", async () => {
    const pages = await readPdf(await renderInvoice(sampleShipment()));
    expect(pages).toHaveLength(1);
    const [page] = pages;
    expect([page.width, page.height]).toEqual([595.28, 841.89]);
    expect(page.items).toEqual(
      expect.arrayContaining([
        "COMMERCIAL INVOICE",
        // References
        "INVOICE NO.",
        "12345",
        "INVOICE DATE",
        "2026-01-15",
        "AWB / TRACKING NO.",
        "1ZA1B2C36500000423",
        "UPS",
        "Worldwide Saver",
        "#1042",
        // Shipper / exporter
        "SHIPPER / EXPORTER",
        "Ana Souza",
        "Ateliê Aurora Artesanato Ltda",
        "CNPJ: 11.222.333/0001-81",
        "Rua Augusta, 1500",
        "Conjunto 42",
        "São Paulo, SP 01304-001",
        "Brazil",
        "Phone: +55 11 3456-7890",
        // Consignee
        "CONSIGNEE",
        "John Carter",
        "350 Fifth Avenue",
        "Apt 12B",
        "New York, NY 10118",
        "United States",
        "Phone: +1 212 555 0142",
        "Email: john.carter@example.com",
        // Countries and terms
        "COUNTRY OF EXPORT",
        "Brazil (BR)",
        "COUNTRY OF ORIGIN",
        "COUNTRY OF DESTINATION",
        "United States (US)",
        "TYPE OF EXPORT",
        "Permanent",
        "INCOTERM",
        "DAP",
        "CURRENCY",
        "USD",
        "REASON FOR EXPORT",
        "Sale",
        "NF-E KEY (CHAVE DE ACESSO)",
        "3526 0111 2223 3300 0181 5500 1000 0123 4518 7654 3219",
        // Totals
        "Total pieces (packages)",
        "Total quantity",
        "6 PCS",
        "Net weight",
        "4.27 kg",
        "Gross weight",
        "5.05 kg",
        "USD 265.30",
        "USD 45.00",
        "USD 5.30",
        "USD 0.00",
        "TOTAL",
        "USD 315.60",
        // Declaration
        "I declare that all the information contained in this invoice is true and correct.",
        "Managing Partner",
        "2026-01-16",
        "SIGNATURE",
        "Page 1 of 1",
      ]),
    );
  });

  it("prints each line's number, quantity, unit, description, HS code, origin, weight, value and subtotal", async () => {
    const [page] = await readPdf(await renderInvoice(sampleShipment()));
    const rows = [
      [
        "1",
        "2",
        "PCS",
        "Handwoven cotton hammock, natural dyes",
        "SKU: HAM-001",
        "5608.90",
        "BR",
        "1.2",
        "89.90",
        "179.80",
      ],
      ["2", "3", "PCS", "Hand-painted ceramic coffee mug, 350 ml", "6912.00", "BR", "0.45", "24.50", "73.50"],
      ["3", "1", "PCS", "Roasted cashew nuts, 500 g bag", "0801.32", "BR", "0.52", "12.00", "12.00"],
    ];
    // Items come out in drawing order, so a row's cells are consecutive after the table header.
    const table = page.items.slice(page.items.indexOf("Subtotal (USD)") + 1);
    expect(table.slice(0, rows.flat().length)).toEqual(rows.flat());
    expect(page.items).toEqual(expect.arrayContaining(["No.", "Qty", "Unit", "Description", "HS code", "Origin"]));
  });

  it("lists several countries of origin and states missing data instead of guessing", async () => {
    const data = sampleShipment({ nfeKey: null });
    data.lines[2] = { ...data.lines[2], originCountry: "PT", hsCode: null, unitWeightKg: null };
    data.recipient = { ...data.recipient, taxId: "12-3456789" };
    const [page] = await readPdf(await renderInvoice(data));
    expect(page.items).toEqual(
      expect.arrayContaining([
        "COUNTRIES OF ORIGIN",
        "Brazil (BR), Portugal (PT)",
        "Tax ID: 12-3456789",
        "N/A", // no NF-e key
        "Not stated", // net weight, since a line has no unit weight
        "-", // that line's HS code and unit weight
      ]),
    );
  });

  it("continues a 60-line table over several pages with the header repeated and page numbers", async () => {
    const data = sampleShipment({ lines: manyLines(60) });
    const pages = await readPdf(await renderInvoice(data));
    expect(pages.length).toBeGreaterThan(1);
    pages.forEach((page, i) => {
      expect(page.items).toContain(`Page ${i + 1} of ${pages.length}`);
      expect(page.items).toContain("COMMERCIAL INVOICE" + (i === 0 ? "" : " (continued)"));
    });
    // Every line appears exactly once, in order, each under a table header on its page.
    const numbered = pages.flatMap((page) =>
      page.items.filter((item) => item.startsWith("Handmade item number ")).map((item) => ({ item, page })),
    );
    expect(numbered.map(({ item }) => Number(/number (\d+)/.exec(item)![1]))).toEqual(
      Array.from({ length: 60 }, (_, i) => i + 1),
    );
    for (const { page } of numbered) expect(page.items).toContain("Description");
    // Totals and declaration once, on the last page.
    const last = pages.at(-1)!;
    expect(last.items).toContain("TOTAL");
    expect(last.items).toContain("I declare that all the information contained in this invoice is true and correct.");
    for (const page of pages.slice(0, -1)) expect(page.items).not.toContain("TOTAL");
  });

  it("prints names in any script without failing", async () => {
    const data = sampleShipment({
      recipient: { ...sampleShipment().recipient, name: "李小龙", company: "Şişecam Ürünleri A.Ş.", city: "İzmir" },
      declaration: { name: "Ana Łucja Souza", title: "Sócia-gerente", date: "2026-01-16" },
    });
    data.lines[0] = { ...data.lines[0], description: "Rede de algodão 🌿 «Nordeste»" };
    const [page] = await readPdf(await renderInvoice(data));
    expect(page.items).toEqual(
      expect.arrayContaining(["???", "Sisecam Ürünleri A.S.", "Ana Lucja Souza", "Rede de algodão ? «Nordeste»"]),
    );
  });
});
