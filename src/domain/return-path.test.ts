import { describe, expect, it } from "vitest";
import { DEFAULT_RETURN_PATH, safeReturnPath } from "./return-path";

describe("safeReturnPath", () => {
  it("keeps a path on this site with its query", () => {
    expect(safeReturnPath("/users?page=2")).toBe("/users?page=2");
    expect(safeReturnPath(["/stores", "/users"])).toBe("/stores");
  });

  it("refuses every other origin and anything that is not a path", () => {
    for (const value of [
      "//evil.example/x",
      "https://evil.example",
      "/\\evil.example",
      "\\\\evil.example",
      "javascript:alert(1)",
      "users",
      "",
      undefined,
      42,
    ]) {
      expect(safeReturnPath(value)).toBe(DEFAULT_RETURN_PATH);
    }
  });
});
