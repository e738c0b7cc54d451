import { describe, expect, it } from "vitest";
import { recordS10FormSchema, s10Problem } from "./correios-s10";
import { generateTrackingNumber } from "./tracking";

const ID = "6f1c2a4e-8a9b-4c3d-9e8f-0a1b2c3d4e5f";
const VALID = generateTrackingNumber("correios", 12345678); // RR123456785BR

describe("s10Problem", () => {
  it("accepts a code with the right check digit", () => {
    expect(VALID).toBe("RR123456785BR");
    expect(s10Problem(VALID)).toBeNull();
  });

  it("tells a wrong check digit apart from a malformed code", () => {
    expect(s10Problem("RR123456784BR")).toBe("correios.errors.checkDigit");
    for (const bad of ["RR12345678BR", "R1123456785BR", "RR123456785US", "1Z999AA10123456784", "", "rr123456785br"]) {
      expect(s10Problem(bad)).toBe("correios.errors.format");
    }
  });
});

describe("recordS10FormSchema", () => {
  it("normalises what an operator types (spaces, dashes, lower case)", () => {
    const parsed = recordS10FormSchema.safeParse({ shipmentId: ID, code: " rr 123-456-785 br " });
    expect(parsed.success && parsed.data.code).toBe(VALID);
  });

  it("answers the precise reason", () => {
    const digit = recordS10FormSchema.safeParse({ shipmentId: ID, code: "RR123456784BR" });
    expect(digit.success || digit.error.issues.map((i) => i.message)).toEqual(["correios.errors.checkDigit"]);
    const shape = recordS10FormSchema.safeParse({ shipmentId: ID, code: "RR1234BR" });
    expect(shape.success || shape.error.issues.map((i) => i.message)).toEqual(["correios.errors.format"]);
    const huge = recordS10FormSchema.safeParse({ shipmentId: ID, code: "R".repeat(10_000) });
    expect(huge.success).toBe(false);
  });

  it("refuses a shipment id that is not one", () => {
    expect(recordS10FormSchema.safeParse({ shipmentId: "1 or 1=1", code: VALID }).success).toBe(false);
  });
});
