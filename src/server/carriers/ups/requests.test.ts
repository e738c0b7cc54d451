import { describe, expect, it } from "vitest";
import { CarrierApiError, type CarrierShipment, type PickupBookingRequest } from "../api";
import {
  addressLines,
  descriptionLines,
  labelRecoveryRequest,
  labelSpecification,
  rateRequest,
  shipRequest,
  upsReasonForExport,
  uploadRequest,
} from "./requests";
import { pickupCreationRequest } from "./pickup-requests";

const shipment = (overrides: Partial<CarrierShipment> = {}): CarrierShipment => ({
  reference: "SS-1042-1",
  orderName: "#1042",
  serviceCode: "65",
  shipDate: "2026-12-02",
  shipper: {
    name: "Mariana Souza",
    company: "Ateliê Paulista Artesanato Ltda",
    taxId: "12.345.678/0001-95",
    address1: "Rua Augusta, 1500",
    address2: null,
    city: "São Paulo",
    state: "SP",
    postalCode: "01304-001",
    countryCode: "BR",
    phone: "+55 11 3456-7890",
    email: null,
  },
  recipient: {
    name: "John Carter",
    company: "Carter & Co",
    address1: "350 Fifth Avenue",
    address2: "Apt 21B",
    city: "New York",
    state: "NY",
    postalCode: "10118",
    countryCode: "US",
    phone: null,
    email: null,
  },
  parcels: [{ weightKg: 1.31, lengthCm: 30.2, widthCm: 20, heightCm: 12 }],
  currency: "USD",
  declaredValue: "97.80",
  items: [
    {
      description: "Cotton scarf",
      hsCode: "6214.90",
      originCountry: "br",
      quantity: 2,
      unitValue: "48.90",
      unitWeightKg: 0.25,
      sku: null,
    },
  ],
  invoice: { number: "INV-1042", date: "2026-12-01" },
  incoterm: "DAP",
  exportReason: "gift",
  nfeKey: "3526 1212 3456 7800 0195 5500 1000 0010 4210 0001 0425",
  ...overrides,
});

const refusal = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(CarrierApiError);
    return (error as CarrierApiError).carrierMessage;
  }
  throw new Error("expected a refusal");
};

type Body = ReturnType<typeof shipRequest>["ShipmentRequest"];
const ship = (
  s: CarrierShipment,
  options = { labelFormat: "pdf" as const, paperlessDocumentId: null as string | null },
): Body => shipRequest(s, "A1B2C3", options).ShipmentRequest;

describe("upsReasonForExport", () => {
  it.each([
    ["sale", "SALE"],
    ["gift", "GIFT"],
    ["sample", "SAMPLE"],
    ["return", "RETURN"],
    ["repair", "REPAIR"],
    ["personal_use", "PERSONAL USE"],
  ])("%s → %s", (ours, theirs) => {
    expect(upsReasonForExport(ours)).toBe(theirs);
  });

  it("refuses a reason it has no mapping for", () => {
    expect(refusal(() => upsReasonForExport("barter"))).toContain("ReasonForExport");
  });
});

describe("descriptionLines", () => {
  it("splits at spaces into UPS's lines of 35, at most 3", () => {
    const text = "Handwoven cotton scarf dyed with natural indigo from Minas Gerais, fringed";
    const lines = descriptionLines(text, "d");
    expect(lines.every((line) => line.length <= 35)).toBe(true);
    expect(lines.join(" ")).toBe(text);
  });

  it("cuts a word longer than a line, and refuses more than 105 characters", () => {
    expect(descriptionLines("A".repeat(40), "d")).toEqual(["A".repeat(35), "A".repeat(5)]);
    expect(refusal(() => descriptionLines("word ".repeat(30), "Product[0].Description"))).toContain("3 lines");
  });
});

describe("addressLines", () => {
  it("wraps a long street at spaces into UPS's lines of 35, keeping every word", () => {
    const street = "Rua Doutor Antônio Bento de Amorim Nogueira, 1234, Bloco B";
    const lines = addressLines([street, "Apto 12"], "ShipTo.Address");
    expect(lines.every((line) => line.length <= 35)).toBe(true);
    expect(lines.join(" ")).toBe(`${street} Apto 12`);
    expect(lines.length).toBeLessThanOrEqual(3);
  });

  it("refuses a street that needs more than three lines, or a word longer than a line", () => {
    expect(() => addressLines(["palavra ".repeat(20)], "ShipTo.Address")).toThrow(CarrierApiError);
    expect(() => addressLines(["x".repeat(36)], "ShipTo.Address")).toThrow(CarrierApiError);
  });
});

describe("shipRequest", () => {
  it("maps customs: products, invoice, incoterm, reason, NF-e in Comments, CNPJ as tax id", () => {
    const body = ship(shipment());
    const forms = body.Shipment.ShipmentServiceOptions.InternationalForms;
    expect(forms).toMatchObject({
      FormType: ["01"],
      InvoiceNumber: "INV-1042",
      InvoiceDate: "20261201",
      CurrencyCode: "USD",
      TermsOfShipment: "DAP",
      ReasonForExport: "GIFT",
      Comments: "NF-e 35261212345678000195550010000010421000010425",
    });
    expect(forms.Product).toEqual([
      {
        Description: ["Cotton scarf"],
        CommodityCode: "621490",
        OriginCountryCode: "BR",
        Unit: { Number: "2", Value: "48.90", UnitOfMeasurement: { Code: "PCS" } },
        ProductWeight: { UnitOfMeasurement: { Code: "KGS" }, Weight: "0.5" },
      },
    ]);
    expect(forms.Contacts.SoldTo).toMatchObject({ Name: "Carter & Co", AttentionName: "John Carter" });
    expect(body.Shipment.Shipper).toMatchObject({ ShipperNumber: "A1B2C3", TaxIdentificationNumber: "12345678000195" });
    expect(body.Shipment.GlobalTaxInformation.AgentTaxIdentificationNumber[0]).toMatchObject({
      AgentRole: "20",
      TaxIdentificationNumber: [
        { IdentificationNumber: "12345678000195", IDNumberTypeCode: "0001", IDNumberIssuingCntryCd: "BR" },
      ],
    });
    expect(body.Shipment.ReferenceNumber).toEqual([{ Value: "SS-1042-1" }]);
    expect(body.Shipment.Shipper.Address).toEqual({
      AddressLine: ["Rua Augusta, 1500"],
      City: "São Paulo",
      StateProvinceCode: "SP",
      PostalCode: "01304001",
      CountryCode: "BR",
    });
    expect(body.Shipment.Shipper.Phone).toEqual({ Number: "551134567890" });
    expect(body.Shipment.ShipTo.Phone).toBeUndefined();
    // Weights round up to one decimal, dimensions to whole centimetres: never under-declared.
    expect(body.Shipment.Package[0]).toMatchObject({
      Dimensions: { Length: "31", Width: "20", Height: "12" },
      PackageWeight: { Weight: "1.4" },
    });
  });

  it("bills duties to the shipper only for DDP", () => {
    expect(ship(shipment()).Shipment.PaymentInformation.ShipmentCharge.map((c) => c.Type)).toEqual(["01"]);
    expect(ship(shipment({ incoterm: "DDP" })).Shipment.PaymentInformation.ShipmentCharge.map((c) => c.Type)).toEqual([
      "01",
      "02",
    ]);
  });

  it("attaches a paperless invoice with FormType 07", () => {
    const forms = ship(shipment(), { labelFormat: "pdf", paperlessDocumentId: "2026-12-02-09.00.00.000001" }).Shipment
      .ShipmentServiceOptions.InternationalForms;
    expect(forms).toMatchObject({
      FormType: ["01", "07"],
      UserCreatedForm: { DocumentID: ["2026-12-02-09.00.00.000001"] },
      AdditionalDocumentIndicator: "Y",
    });
  });

  it("leaves Comments out without an NF-e key and refuses a key that is not 44 digits", () => {
    expect(ship(shipment({ nfeKey: null })).Shipment.ShipmentServiceOptions.InternationalForms).not.toHaveProperty(
      "Comments",
    );
    expect(refusal(() => ship(shipment({ nfeKey: "123" })))).toContain("44 digits");
  });

  it("refuses what UPS would refuse for length or form, naming the field", () => {
    expect(refusal(() => ship(shipment({ invoice: { number: "N".repeat(36), date: "2026-12-01" } })))).toContain(
      "InvoiceNumber",
    );
    const longStreet = { ...shipment().recipient, address1: "S".repeat(36) };
    expect(refusal(() => ship(shipment({ recipient: longStreet })))).toContain("ShipTo.Address.AddressLine");
    const longCompany = { ...shipment().shipper, company: "C".repeat(36) };
    expect(refusal(() => ship(shipment({ shipper: longCompany })))).toContain("Shipper.Name");
    const badHs = [{ ...shipment().items[0], hsCode: "6214" }];
    expect(refusal(() => ship(shipment({ items: badHs })))).toContain("CommodityCode");
    const fraction = [{ ...shipment().items[0], quantity: 1.5 }];
    expect(refusal(() => ship(shipment({ items: fraction })))).toContain("Unit.Number");
    expect(refusal(() => ship(shipment({ parcels: [] })))).toContain("Package");
    expect(refusal(() => ship(shipment({ declaredValue: "12,50" })))).toContain("InvoiceLineTotal");
    expect(
      refusal(() => ship(shipment({ parcels: [{ weightKg: 0, lengthCm: 1, widthCm: 1, heightCm: 1 }] }))),
    ).toContain("Weight");
    expect(
      refusal(() => ship(shipment({ parcels: [{ weightKg: 1, lengthCm: 1000, widthCm: 1, heightCm: 1 }] }))),
    ).toContain("Length");
  });

  it("summarises the goods in Shipment.Description within 50 characters", () => {
    const items = Array.from({ length: 4 }, (_, i) => ({
      ...shipment().items[0],
      description: `Handmade ceramic item number ${i}`,
    }));
    const description = ship(shipment({ items })).Shipment.Description;
    expect(description.length).toBeLessThanOrEqual(50);
    expect(description.endsWith("...")).toBe(true);
  });
});

describe("labelSpecification", () => {
  it("asks GIF for our PDF and ZPL for thermal printers, both 4×6", () => {
    expect(labelSpecification("pdf")).toMatchObject({
      LabelImageFormat: { Code: "GIF" },
      LabelStockSize: { Height: "6", Width: "4" },
    });
    expect(labelSpecification("zpl")).toEqual({
      LabelImageFormat: { Code: "ZPL" },
      LabelStockSize: { Height: "6", Width: "4" },
    });
    expect(labelRecoveryRequest("1ZA1B2C36500000011", "zpl").LabelRecoveryRequest.TrackingNumber).toBe(
      "1ZA1B2C36500000011",
    );
  });
});

describe("rateRequest", () => {
  it("shops every service with transit times, the total weight and the customs value", () => {
    const s = shipment();
    const body = rateRequest(
      {
        shipDate: s.shipDate,
        shipper: s.shipper,
        recipient: s.recipient,
        parcels: [...s.parcels, s.parcels[0]],
        currency: "USD",
        declaredValue: "97.80",
      },
      "A1B2C3",
    ).RateRequest;
    expect(body.Request.RequestOption).toBe("Shoptimeintransit");
    expect(body.Shipment.DeliveryTimeInformation).toEqual({ PackageBillType: "03", Pickup: { Date: "20261202" } });
    expect(body.Shipment.ShipmentTotalWeight.Weight).toBe("2.7");
    expect(body.Shipment.InvoiceLineTotal).toEqual({ CurrencyCode: "USD", MonetaryValue: "97.80" });
    expect(body.Shipment.PaymentDetails.ShipmentCharge).toEqual([
      { Type: "01", BillShipper: { AccountNumber: "A1B2C3" } },
    ]);
  });
});

describe("pickupCreationRequest", () => {
  const booking: PickupBookingRequest = {
    date: "2026-12-03",
    readyTime: "10:00",
    closeTime: "17:30",
    packages: 2,
    totalWeightKg: 70,
    address: {
      company: "Ateliê Paulista Artesanato e Decoração Ltda",
      contact: "Mariana Souza de Albuquerque",
      line: "Rua Augusta, 1500",
      city: "São Paulo",
      state: "SP",
      postalCode: "01304-001",
      countryCode: "BR",
      phone: "+55 11 3456-7890",
    },
    pieces: [{ serviceCode: "65", destinationCountry: "us", quantity: 2 }],
    trackingNumbers: ["1ZA1B2C36500000011"],
    reference: "PU-1",
  };

  it("maps dates, times, zero-padded service codes, weight and the overweight flag", () => {
    const body = pickupCreationRequest(booking, "A1B2C3").PickupCreationRequest;
    expect(body.PickupDateInfo).toEqual({ PickupDate: "20261203", ReadyTime: "1000", CloseTime: "1730" });
    expect(body.PickupPiece).toEqual([
      { ServiceCode: "065", Quantity: "2", DestinationCountryCode: "US", ContainerCode: "01" },
    ]);
    expect(body.TotalWeight).toEqual({ Weight: "70.0", UnitOfMeasurement: "KGS" });
    expect(body.OverweightIndicator).toBe("Y");
    expect(body.TrackingData).toEqual([{ TrackingNumber: "1ZA1B2C36500000011" }]);
  });

  it("shortens long company and contact names at a word boundary to UPS's 27 and 22", () => {
    const address = pickupCreationRequest(booking, "A1B2C3").PickupCreationRequest.PickupAddress;
    expect(address.CompanyName).toBe("Ateliê Paulista Artesanato");
    expect(address.ContactName).toBe("Mariana Souza de");
    expect(address.PostalCode).toBe("01304001");
  });

  it("refuses a time that is not HH:MM", () => {
    expect(refusal(() => pickupCreationRequest({ ...booking, readyTime: "9h" }, "A1B2C3"))).toContain("ReadyTime");
  });
});

describe("uploadRequest", () => {
  it("sends our invoice as a commercial invoice (002) PDF", () => {
    expect(uploadRequest("SS-1", "JVBERi0=", "A1B2C3").UploadRequest).toEqual({
      Request: { TransactionReference: { CustomerContext: "SS-1" } },
      ShipperNumber: "A1B2C3",
      UserCreatedForm: [
        {
          UserCreatedFormFileName: "invoice-SS-1.pdf",
          UserCreatedFormFile: "JVBERi0=",
          UserCreatedFormFileFormat: "pdf",
          UserCreatedFormDocumentType: "002",
        },
      ],
    });
  });
});
