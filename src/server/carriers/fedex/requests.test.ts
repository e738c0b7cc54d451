import { describe, expect, it } from "vitest";
import { CarrierApiError, type CarrierShipment } from "../api";
import {
  cancelShipmentRequest,
  etdDocument,
  invoiceComments,
  labelSpecification,
  phoneNumber,
  pickupAvailabilityRequest,
  pickupCancelRequest,
  pickupCreateRequest,
  rateRequest,
  referenceLookupRequest,
  shipmentPurpose,
  shipRequest,
  streetLines,
  trackRequest,
} from "./requests";

const ACCOUNT = "740561073";

function shipment(overrides: Partial<CarrierShipment> = {}): CarrierShipment {
  return {
    reference: "SS-abc123-1",
    orderName: "#1042",
    serviceCode: "FEDEX_INTERNATIONAL_PRIORITY",
    shipDate: "2026-12-02",
    shipper: {
      name: "Ana Souza",
      company: "Café Paulista Exportação Ltda",
      address1: "Avenida Paulista, 1578",
      address2: null,
      city: "São Paulo",
      state: "SP",
      postalCode: "01310-200",
      countryCode: "BR",
      phone: "+55 (11) 3456-7890",
      email: null,
      taxId: "12.345.678/0001-95",
    },
    recipient: {
      name: "John Carter",
      company: null,
      address1: "350 Fifth Avenue",
      address2: "Suite 2100",
      city: "New York",
      state: "NY",
      postalCode: "10118",
      countryCode: "us",
      phone: "212 555 0147",
      email: "john@example.com",
    },
    parcels: [
      { weightKg: 2.4, lengthCm: 30.2, widthCm: 20, heightCm: 15 },
      { weightKg: 1.1, lengthCm: 10, widthCm: 10, heightCm: 10 },
    ],
    currency: "usd",
    declaredValue: "189.70",
    items: [
      {
        description: "Coffee beans",
        hsCode: "0901.21.00",
        originCountry: "BR",
        quantity: 3,
        unitValue: "29.90",
        unitWeightKg: 0.5,
        sku: "CAF-500",
      },
      {
        description: "Mug",
        hsCode: "691200",
        originCountry: "br",
        quantity: 2,
        unitValue: "50",
        unitWeightKg: 0.45,
        sku: null,
      },
    ],
    invoice: { number: "INV-42", date: "2026-12-01" },
    incoterm: "DAP",
    exportReason: "sale",
    nfeKey: "35261212345678000195550010000004211000004210",
    ...overrides,
  };
}

function refusal(run: () => unknown): CarrierApiError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(CarrierApiError);
    expect((error as CarrierApiError).code).toBe("invalidRequest");
    return error as CarrierApiError;
  }
  throw new Error("expected a refusal");
}

describe("shipRequest", () => {
  const body = shipRequest(shipment(), ACCOUNT, { labelFormat: "pdf", paperlessDocumentId: null });
  const requested = body.requestedShipment;

  it("names the account, confirms and asks for the label itself", () => {
    expect(body).toMatchObject({
      labelResponseOptions: "LABEL",
      accountNumber: { value: ACCOUNT },
      shipAction: "CONFIRM",
    });
    expect(requested.shippingChargesPayment).toEqual({
      paymentType: "SENDER",
      payor: { responsibleParty: { accountNumber: { value: ACCOUNT } } },
    });
  });

  it("maps the parties, the CNPJ as a BUSINESS_NATIONAL tin and digits-only phones", () => {
    expect(requested.shipper).toEqual({
      contact: { personName: "Ana Souza", companyName: "Café Paulista Exportação Ltda", phoneNumber: "551134567890" },
      address: {
        streetLines: ["Avenida Paulista, 1578"],
        city: "São Paulo",
        stateOrProvinceCode: "SP",
        postalCode: "01310-200",
        countryCode: "BR",
      },
      tins: [{ number: "12345678000195", tinType: "BUSINESS_NATIONAL" }],
    });
    expect(requested.recipients).toEqual([
      {
        contact: { personName: "John Carter", phoneNumber: "2125550147", emailAddress: "john@example.com" },
        address: {
          streetLines: ["350 Fifth Avenue", "Suite 2100"],
          city: "New York",
          stateOrProvinceCode: "NY",
          postalCode: "10118",
          countryCode: "US",
        },
      },
    ]);
  });

  it("sends a state of at most 2 characters and leaves a longer subdivision code out (FedEx takes 2)", () => {
    const sydney = { ...shipment().recipient, city: "Sydney", state: "NSW", postalCode: "2000", countryCode: "AU" };
    const address = shipRequest(shipment({ recipient: sydney }), ACCOUNT, {
      labelFormat: "pdf",
      paperlessDocumentId: null,
    }).requestedShipment.recipients[0].address;
    expect(address).not.toHaveProperty("stateOrProvinceCode");
    expect(address).toMatchObject({ city: "Sydney", postalCode: "2000", countryCode: "AU" });
    expect(requested.recipients[0].address).toMatchObject({ stateOrProvinceCode: "NY" });
  });

  it("puts our reference on every package, whole centimetres and kilograms", () => {
    expect(requested.requestedPackageLineItems).toEqual([
      {
        sequenceNumber: 1,
        groupPackageCount: 1,
        weight: { units: "KG", value: 2.4 },
        dimensions: { length: 31, width: 20, height: 15, units: "CM" },
        customerReferences: [{ customerReferenceType: "CUSTOMER_REFERENCE", value: "SS-abc123-1" }],
      },
      {
        sequenceNumber: 2,
        groupPackageCount: 1,
        weight: { units: "KG", value: 1.1 },
        dimensions: { length: 10, width: 10, height: 10, units: "CM" },
        customerReferences: [{ customerReferenceType: "CUSTOMER_REFERENCE", value: "SS-abc123-1" }],
      },
    ]);
    expect(requested.totalWeight).toBe(3.5);
    expect(requested.totalPackageCount).toBe(2);
  });

  it("maps the customs data: incoterm, purpose, invoice number, NF-e key, commodities", () => {
    expect(requested.customsClearanceDetail).toEqual({
      dutiesPayment: { paymentType: "RECIPIENT" },
      isDocumentOnly: false,
      totalCustomsValue: { amount: 189.7, currency: "USD" },
      commercialInvoice: {
        termsOfSale: "DAP",
        shipmentPurpose: "SOLD",
        customerReferences: [{ customerReferenceType: "INVOICE_NUMBER", value: "INV-42" }],
        comments: ["NF-e 35261212345678000195550010000004211000004210", "Invoice date 2026-12-01"],
      },
      commodities: [
        {
          description: "Coffee beans",
          countryOfManufacture: "BR",
          harmonizedCode: "09012100",
          quantity: 3,
          quantityUnits: "EA",
          numberOfPieces: 3,
          unitPrice: { amount: 29.9, currency: "USD" },
          customsValue: { amount: 89.7, currency: "USD" },
          weight: { units: "KG", value: 1.5 },
          partNumber: "CAF-500",
        },
        {
          description: "Mug",
          countryOfManufacture: "BR",
          harmonizedCode: "691200",
          quantity: 2,
          quantityUnits: "EA",
          numberOfPieces: 2,
          unitPrice: { amount: 50, currency: "USD" },
          customsValue: { amount: 100, currency: "USD" },
          weight: { units: "KG", value: 0.9 },
        },
      ],
    });
  });

  it("has the shipper pay duties under DDP", () => {
    const ddp = shipRequest(shipment({ incoterm: "ddp" }), ACCOUNT, { labelFormat: "pdf", paperlessDocumentId: null });
    expect(ddp.requestedShipment.customsClearanceDetail.dutiesPayment).toEqual({ paymentType: "SENDER" });
    expect(ddp.requestedShipment.customsClearanceDetail.commercialInvoice.termsOfSale).toBe("DDP");
  });

  it("attaches an uploaded invoice as an electronic trade document, and nothing without one", () => {
    expect("shipmentSpecialServices" in requested).toBe(false);
    const etd = shipRequest(shipment(), ACCOUNT, { labelFormat: "zpl", paperlessDocumentId: "0904000000000001" });
    expect(etd.requestedShipment.shipmentSpecialServices).toEqual({
      specialServiceTypes: ["ELECTRONIC_TRADE_DOCUMENTS"],
      etdDetail: {
        attachedDocuments: [
          { documentType: "COMMERCIAL_INVOICE", documentReference: "INV-42", documentId: "0904000000000001" },
        ],
      },
    });
    expect(etd.requestedShipment.labelSpecification).toEqual({
      imageType: "ZPLII",
      labelStockType: "STOCK_4X6",
      labelFormatType: "COMMON2D",
    });
  });

  it("refuses what FedEx would refuse instead of sending it", () => {
    refusal(() =>
      shipRequest(shipment({ shipper: { ...shipment().shipper, taxId: "123" } }), ACCOUNT, {
        labelFormat: "pdf",
        paperlessDocumentId: null,
      }),
    );
    refusal(() =>
      shipRequest(shipment({ recipient: { ...shipment().recipient, phone: null } }), ACCOUNT, {
        labelFormat: "pdf",
        paperlessDocumentId: null,
      }),
    );
    refusal(() =>
      shipRequest(shipment({ recipient: { ...shipment().recipient, city: "C".repeat(36) } }), ACCOUNT, {
        labelFormat: "pdf",
        paperlessDocumentId: null,
      }),
    );
    refusal(() =>
      shipRequest(shipment({ incoterm: "DAPX" }), ACCOUNT, { labelFormat: "pdf", paperlessDocumentId: null }),
    );
    refusal(() =>
      shipRequest(shipment({ exportReason: "smuggling" }), ACCOUNT, { labelFormat: "pdf", paperlessDocumentId: null }),
    );
    refusal(() => shipRequest(shipment({ items: [] }), ACCOUNT, { labelFormat: "pdf", paperlessDocumentId: null }));
    refusal(() => shipRequest(shipment({ parcels: [] }), ACCOUNT, { labelFormat: "pdf", paperlessDocumentId: null }));
    refusal(() =>
      shipRequest(shipment({ declaredValue: "12,50" }), ACCOUNT, { labelFormat: "pdf", paperlessDocumentId: null }),
    );
    refusal(() => shipRequest(shipment({ nfeKey: "123" }), ACCOUNT, { labelFormat: "pdf", paperlessDocumentId: null }));
    const item = { ...shipment().items[0] };
    refusal(() =>
      shipRequest(shipment({ items: [{ ...item, hsCode: "09.01" }] }), ACCOUNT, {
        labelFormat: "pdf",
        paperlessDocumentId: null,
      }),
    );
    refusal(() =>
      shipRequest(shipment({ items: [{ ...item, quantity: 1.5 }] }), ACCOUNT, {
        labelFormat: "pdf",
        paperlessDocumentId: null,
      }),
    );
    const parcel = { weightKg: 1, lengthCm: 1000, widthCm: 1, heightCm: 1 };
    refusal(() =>
      shipRequest(shipment({ parcels: [parcel] }), ACCOUNT, { labelFormat: "pdf", paperlessDocumentId: null }),
    );
  });
});

describe("shipmentPurpose", () => {
  it("maps every export reason of ours to FedEx's", () => {
    expect(shipmentPurpose("sale")).toBe("SOLD");
    expect(shipmentPurpose("gift")).toBe("GIFT");
    expect(shipmentPurpose("sample")).toBe("SAMPLE");
    expect(shipmentPurpose("return")).toBe("REPAIR_AND_RETURN");
    expect(shipmentPurpose("repair")).toBe("REPAIR_AND_RETURN");
    expect(shipmentPurpose("personal_use")).toBe("PERSONAL_EFFECTS");
    refusal(() => shipmentPurpose("other"));
  });
});

describe("labelSpecification", () => {
  it("asks a 4×6 PDF or ZPL II", () => {
    expect(labelSpecification("pdf")).toEqual({
      imageType: "PDF",
      labelStockType: "PAPER_4X6",
      labelFormatType: "COMMON2D",
    });
    expect(labelSpecification("zpl")).toEqual({
      imageType: "ZPLII",
      labelStockType: "STOCK_4X6",
      labelFormatType: "COMMON2D",
    });
  });
});

describe("streetLines and phoneNumber", () => {
  it("wraps a long line at spaces over FedEx's three lines of 35", () => {
    const lines = streetLines(["Rua Doutor Antônio Bento de Almeida Prado Sampaio, 1234", "Bloco B"]);
    expect(lines).toEqual(["Rua Doutor Antônio Bento de Almeida", "Prado Sampaio, 1234", "Bloco B"]);
    expect(lines.every((line) => line.length <= 35)).toBe(true);
  });

  it("refuses an address that cannot fit", () => {
    refusal(() => streetLines(["A".repeat(36)]));
    refusal(() => streetLines([`${"word ".repeat(20)}`, `${"more ".repeat(10)}`]));
    refusal(() => streetLines([null, " "]));
  });

  it("keeps the digits of a phone and refuses a missing or overlong one", () => {
    expect(phoneNumber("+1 (212) 555-0147", "recipient")).toBe("12125550147");
    refusal(() => phoneNumber(null, "recipient"));
    refusal(() => phoneNumber("1234567890123456", "recipient"));
    refusal(() => phoneNumber("555 CALL NOW", "recipient"));
  });
});

describe("invoiceComments", () => {
  it("puts the NF-e key first, then the invoice date; no key, only the date", () => {
    expect(invoiceComments({ nfeKey: null, invoice: { number: "1", date: "2026-12-01" } })).toEqual([
      "Invoice date 2026-12-01",
    ]);
  });
});

describe("rateRequest", () => {
  it("asks account rates with transit times and the customs value as one summary line", () => {
    const s = shipment();
    expect(
      rateRequest(
        {
          shipDate: "2026-12-02",
          shipper: s.shipper,
          recipient: s.recipient,
          parcels: [s.parcels[0]],
          currency: "usd",
          declaredValue: "189.70",
        },
        ACCOUNT,
      ),
    ).toEqual({
      accountNumber: { value: ACCOUNT },
      rateRequestControlParameters: { returnTransitTimes: true },
      requestedShipment: {
        shipper: {
          address: { city: "São Paulo", stateOrProvinceCode: "SP", postalCode: "01310-200", countryCode: "BR" },
        },
        recipient: { address: { city: "New York", stateOrProvinceCode: "NY", postalCode: "10118", countryCode: "US" } },
        pickupType: "USE_SCHEDULED_PICKUP",
        rateRequestType: ["ACCOUNT"],
        preferredCurrency: "USD",
        shipDateStamp: "2026-12-02",
        totalPackageCount: 1,
        requestedPackageLineItems: [
          {
            groupPackageCount: 1,
            weight: { units: "KG", value: 2.4 },
            dimensions: { length: 31, width: 20, height: 15, units: "CM" },
          },
        ],
        customsClearanceDetail: {
          dutiesPayment: { paymentType: "SENDER" },
          commodities: [
            {
              description: "Shipment total customs value",
              quantity: 1,
              quantityUnits: "EA",
              customsValue: { amount: 189.7, currency: "USD" },
            },
          ],
        },
      },
    });
  });
});

describe("void, lookup and track requests", () => {
  it("cancels all packages of a tracking number", () => {
    expect(cancelShipmentRequest("794000000001", ACCOUNT)).toEqual({
      accountNumber: { value: ACCOUNT },
      trackingNumber: "794000000001",
      deletionControl: "DELETE_ALL_PACKAGES",
    });
  });

  it("looks our reference up on the account a day either side of the ship date", () => {
    expect(referenceLookupRequest("SS-abc123-1", "2026-12-31", ACCOUNT)).toEqual({
      referencesInformation: {
        type: "CUSTOMER_REFERENCE",
        value: "SS-abc123-1",
        accountNumber: ACCOUNT,
        carrierCode: "FDXE",
        shipDateBegin: "2026-12-30",
        shipDateEndDate: "2027-01-01",
      },
      includeDetailedScans: false,
    });
    refusal(() => referenceLookupRequest("SS-1", "31/12/2026", ACCOUNT));
  });

  it("tracks 1 to 30 numbers with detailed scans", () => {
    expect(trackRequest(["794000000001"])).toEqual({
      includeDetailedScans: true,
      trackingInfo: [{ trackingNumberInfo: { trackingNumber: "794000000001" } }],
    });
    refusal(() => trackRequest([]));
    refusal(() => trackRequest(Array.from({ length: 31 }, (_, i) => String(i))));
  });
});

const ADDRESS = {
  company: "Café Paulista",
  contact: "Ana Souza",
  line: "Avenida Paulista, 1578",
  city: "São Paulo",
  state: "SP",
  postalCode: "01310-200",
  countryCode: "BR",
  phone: "11 3456-7890",
};

describe("pickup requests", () => {
  it("asks international Express availability for the service", () => {
    expect(
      pickupAvailabilityRequest({ date: "2026-12-02", address: ADDRESS, serviceCode: "INTERNATIONAL_ECONOMY" }),
    ).toEqual({
      pickupAddress: {
        streetLines: ["Avenida Paulista, 1578"],
        city: "São Paulo",
        stateOrProvinceCode: "SP",
        postalCode: "01310-200",
        countryCode: "BR",
      },
      dispatchDate: "2026-12-02",
      pickupRequestType: ["SAME_DAY", "FUTURE_DAY"],
      carriers: ["FDXE"],
      countryRelationship: "INTERNATIONAL",
      shipmentAttributes: { serviceType: "INTERNATIONAL_ECONOMY" },
    });
    refusal(() => pickupAvailabilityRequest({ date: "2026-12-02", address: ADDRESS, serviceCode: null }));
    refusal(() =>
      pickupAvailabilityRequest({ date: "2026-12-02", address: { ...ADDRESS, state: "" }, serviceCode: "X" }),
    );
  });

  it("books with local ready and close times and our reference in the remarks", () => {
    const booking = {
      date: "2026-12-02",
      readyTime: "10:00",
      closeTime: "17:30",
      packages: 2,
      totalWeightKg: 4.8,
      address: ADDRESS,
      pieces: [],
      trackingNumbers: [],
      reference: "PU-store1-0001",
    };
    expect(pickupCreateRequest(booking, ACCOUNT)).toEqual({
      associatedAccountNumber: { value: ACCOUNT },
      originDetail: {
        pickupLocation: {
          contact: { companyName: "Café Paulista", personName: "Ana Souza", phoneNumber: "1134567890" },
          address: {
            streetLines: ["Avenida Paulista, 1578"],
            city: "São Paulo",
            stateOrProvinceCode: "SP",
            postalCode: "01310-200",
            countryCode: "BR",
          },
        },
        readyDateTimestamp: "2026-12-02T10:00:00",
        customerCloseTime: "17:30:00",
        packageLocation: "NONE",
      },
      totalWeight: { units: "KG", value: 4.8 },
      packageCount: 2,
      carrierCode: "FDXE",
      countryRelationships: "INTERNATIONAL",
      remarks: "Ref PU-store1-0001",
    });
    refusal(() => pickupCreateRequest({ ...booking, readyTime: "9:00" }, ACCOUNT));
    refusal(() => pickupCreateRequest({ ...booking, packages: 0 }, ACCOUNT));
  });

  it("cancels with the confirmation, the date and the Express location", () => {
    expect(
      pickupCancelRequest({ confirmationNumber: "00000001", date: "2026-12-02", location: "SAOA" }, ACCOUNT),
    ).toEqual({
      associatedAccountNumber: { value: ACCOUNT },
      pickupConfirmationCode: "00000001",
      scheduledDate: "2026-12-02",
      location: "SAOA",
      carrierCode: "FDXE",
    });
  });
});

describe("etdDocument", () => {
  it("describes a pre-shipment commercial invoice from the shipment's countries", () => {
    const s = shipment({ invoice: { number: "INV/42 A", date: "2026-12-01" } });
    expect(etdDocument(s)).toEqual({
      workflowName: "ETDPreshipment",
      carrierCode: "FDXE",
      name: "invoice-INV_42_A.pdf",
      contentType: "application/pdf",
      meta: { shipDocumentType: "COMMERCIAL_INVOICE", originCountryCode: "BR", destinationCountryCode: "US" },
    });
  });
});
