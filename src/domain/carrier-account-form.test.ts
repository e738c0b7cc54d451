import { describe, expect, it } from "vitest";
import {
  accountHint,
  carrierAccountFormSchema,
  isAccountNumber,
  maskClientId,
  storeCarrierAccountFormSchema,
} from "./carrier-account-form";
import { parseSubmission } from "./form-submission";

const ID = "6f1c2a4e-8a9b-4c3d-9e8f-0a1b2c3d4e5f";
const valid = {
  carrier: "ups",
  name: "UPS Brasil",
  environment: "test",
  clientId: "AbCdEfGh1234",
  clientSecret: "s3cr3t-value",
  accountNumber: "a1b2c3",
};

function problems(input: Record<string, unknown>) {
  const result = carrierAccountFormSchema.safeParse(input);
  if (result.success) return {};
  return Object.fromEntries(result.error.issues.map((issue) => [issue.path.join("."), issue.message]));
}

describe("account numbers per carrier", () => {
  it.each([
    ["ups", "A1B2C3", true],
    ["ups", "A1B2C", false],
    ["ups", "A1B2C34", false],
    ["ups", "A1-2C3", false],
    ["fedex", "123456789", true],
    ["fedex", "12345678", false],
    ["fedex", "12345678A", false],
    ["dhl", "1", true],
    ["dhl", "123456789012", true],
    ["dhl", "1234567890123", false],
    ["dhl", "12345A", false],
  ] as const)("%s %s → %s", (carrier, value, ok) => {
    expect(isAccountNumber(carrier, value)).toBe(ok);
  });
});

describe("carrierAccountFormSchema", () => {
  it("accepts a new account, trimmed, with the UPS number upper-cased", () => {
    const result = carrierAccountFormSchema.parse({ ...valid, name: "  UPS Brasil ", clientId: " AbCdEfGh1234 " });
    expect(result).toEqual({ ...valid, accountId: undefined, clientId: "AbCdEfGh1234", accountNumber: "A1B2C3" });
  });

  it("needs every credential on create, each with its own message", () => {
    expect(problems({ carrier: "fedex", name: "", environment: "test" })).toEqual({
      name: "carrierAccounts.errors.nameRequired",
      clientId: "carrierAccounts.errors.clientIdRequired",
      clientSecret: "carrierAccounts.errors.clientSecretRequired",
      accountNumber: "carrierAccounts.errors.accountNumberRequired",
    });
  });

  it("keeps blank credentials on edit (undefined means: keep the stored one)", () => {
    const result = carrierAccountFormSchema.parse({
      accountId: ID,
      carrier: "dhl",
      name: "DHL",
      environment: "production",
      clientId: "",
      clientSecret: "   ",
      accountNumber: "",
    });
    expect(result).toEqual({
      accountId: ID,
      carrier: "dhl",
      name: "DHL",
      environment: "production",
      clientId: undefined,
      clientSecret: undefined,
      accountNumber: undefined,
    });
  });

  it("names the carrier's format when the account number does not fit it", () => {
    expect(problems({ ...valid, carrier: "fedex", accountNumber: "A1B2C3" })).toEqual({
      accountNumber: "carrierAccounts.errors.accountNumber.fedex",
    });
    expect(problems({ ...valid, carrier: "dhl", accountNumber: "1234567890123" })).toEqual({
      accountNumber: "carrierAccounts.errors.accountNumber.dhl",
    });
    expect(problems({ ...valid, accountNumber: "12345" })).toEqual({
      accountNumber: "carrierAccounts.errors.accountNumber.ups",
    });
  });

  it("refuses an unknown carrier or environment without checking the number against anything", () => {
    expect(problems({ ...valid, carrier: "correios", environment: "staging" })).toEqual({
      carrier: "carrierAccounts.errors.carrier",
      environment: "carrierAccounts.errors.environment",
    });
    expect(problems({ ...valid, carrier: "__proto__" })).toEqual({ carrier: "carrierAccounts.errors.carrier" });
  });

  it("refuses names over 80 characters and credentials with spaces, control characters or megabytes", () => {
    expect(problems({ ...valid, name: "x".repeat(81) })).toEqual({ name: "carrierAccounts.errors.nameTooLong" });
    expect(problems({ ...valid, clientId: "abc def" })).toEqual({ clientId: "carrierAccounts.errors.clientIdInvalid" });
    expect(problems({ ...valid, clientSecret: "abc\u0000def" })).toEqual({
      clientSecret: "carrierAccounts.errors.clientSecretInvalid",
    });
    expect(problems({ ...valid, clientSecret: "x".repeat(1_000_000) })).toEqual({
      clientSecret: "carrierAccounts.errors.clientSecretInvalid",
    });
  });

  it("refuses an account id that is not one", () => {
    expect(problems({ ...valid, accountId: "1 or 1=1" })).toEqual({ accountId: "errors.notFound" });
  });
});

describe("storeCarrierAccountFormSchema", () => {
  it("reads an empty account as unassigning", () => {
    expect(storeCarrierAccountFormSchema.parse({ storeId: ID, carrier: "ups", accountId: "" })).toEqual({
      storeId: ID,
      carrier: "ups",
      accountId: null,
    });
    expect(storeCarrierAccountFormSchema.parse({ storeId: ID, carrier: "dhl", accountId: ID }).accountId).toBe(ID);
  });
});

describe("what the page shows of the credentials", () => {
  it("masks the client id after four characters and hints the account number's last four", () => {
    expect(maskClientId("AbCdEfGh1234")).toBe("AbCd…");
    expect(maskClientId("abc")).toBe("…");
    expect(accountHint("123456789")).toBe("6789");
  });
});

describe("a refused submission", () => {
  it("never echoes the secret back to the form", () => {
    const submission = parseSubmission(carrierAccountFormSchema, [
      ["carrier", "fedex"],
      ["name", "FedEx"],
      ["environment", "test"],
      ["clientId", "client-id"],
      ["clientSecret", "very-secret"],
      ["accountNumber", "12"],
    ]);
    expect(submission.ok).toBe(false);
    expect(submission.values).toEqual({
      carrier: "fedex",
      name: "FedEx",
      environment: "test",
      clientId: "client-id",
      accountNumber: "12",
    });
  });
});
