import { describe, expect, it } from "vitest";
import { AppError, httpStatusOf, isAppErrorCode } from "./errors";

describe("AppError codes", () => {
  it("recognise a message key that arrives as text, and nothing else", () => {
    expect(isAppErrorCode("errors.invalid")).toBe(true);
    expect(isAppErrorCode("pickups.problems.weekend")).toBe(true);
    expect(isAppErrorCode("errors")).toBe(false);
    expect(isAppErrorCode("errors.noSuchMessage")).toBe(false);
    expect(isAppErrorCode("errors.__proto__")).toBe(false);
    expect(isAppErrorCode("")).toBe(false);
  });

  it("map to the HTTP status a route answers with", () => {
    expect(httpStatusOf("errors.notFound")).toBe(404);
    expect(httpStatusOf("documents.errors.noneIssued")).toBe(404);
    expect(httpStatusOf("storeSettings.errors.adminOnly")).toBe(403);
    expect(httpStatusOf("errors.staleDraft")).toBe(409);
    expect(httpStatusOf("pickups.errors.notReady")).toBe(400);
  });
});

describe("AppError", () => {
  it("takes only codes the messages have (checked by tsc, which type-checks this file)", () => {
    // @ts-expect-error a code en.json has no message for
    const unknown = new AppError("errors.noSuchMessage");
    expect(unknown.code).toBe("errors.noSuchMessage");
    expect(new AppError("errors.notFound").code).toBe("errors.notFound");
  });
});
