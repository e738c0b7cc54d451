import { describe, expect, it } from "vitest";
import { httpStatusOf, isAppErrorCode } from "./errors";

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
