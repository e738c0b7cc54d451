import { describe, expect, it } from "vitest";
import en from "@/i18n/messages/en.json";
import ptBR from "@/i18n/messages/pt-BR.json";
import { createSavedViewSchema, savedViewNameSchema } from "./saved-view-forms";
import { keptViewParams, SAVED_VIEW_NAME_MAX, SAVED_VIEW_QUERY_MAX } from "./saved-views";

function nameError(name: unknown): string | undefined {
  const result = savedViewNameSchema.safeParse(name);
  return result.success ? undefined : result.error.issues[0].message;
}

describe("saved view names", () => {
  it("trims and keeps any ordinary text, __proto__ included", () => {
    expect(savedViewNameSchema.parse("  DHL to Germany  ")).toBe("DHL to Germany");
    expect(savedViewNameSchema.parse("__proto__")).toBe("__proto__");
    expect(savedViewNameSchema.parse("Rascunhos sem NF-e ✓")).toBe("Rascunhos sem NF-e ✓");
  });

  it("is one form of the same letters (NFC)", () => {
    expect(savedViewNameSchema.parse("Sa\u0303o Paulo")).toBe("S\u00e3o Paulo");
  });

  it("refuses empty, blank, too long and non-text names", () => {
    expect(nameError("")).toBe("savedViews.errors.nameRequired");
    expect(nameError("   ")).toBe("savedViews.errors.nameRequired");
    expect(nameError(undefined)).toBe("savedViews.errors.nameRequired");
    expect(nameError("x".repeat(SAVED_VIEW_NAME_MAX))).toBeUndefined();
    expect(nameError("x".repeat(SAVED_VIEW_NAME_MAX + 1))).toBe("savedViews.errors.nameTooLong");
    // Spaces around a name do not count against its length.
    expect(nameError(` ${"x".repeat(SAVED_VIEW_NAME_MAX)} `)).toBeUndefined();
  });

  it("refuses NUL and every other control character, tabs and newlines too", () => {
    for (const bad of ["a\u0000b", "a\tb", "line\nbreak", "a\u001bb", "a\u007fb", "a\u0085b"]) {
      expect(nameError(bad), JSON.stringify(bad)).toBe("savedViews.errors.nameControl");
    }
  });

  it("has every message in both languages", () => {
    for (const key of ["nameRequired", "nameControl", "nameTooLong", "queryTooLong", "duplicate", "limit"]) {
      expect(en.savedViews.errors).toHaveProperty(key);
      expect(ptBR.savedViews.errors).toHaveProperty(key);
    }
  });
});

describe("saving a view", () => {
  it("takes the table, the name and the query; pinned only when asked", () => {
    expect(createSavedViewSchema.parse({ table: "drafts", name: " Mine ", query: "carrier=dhl" })).toEqual({
      table: "drafts",
      name: "Mine",
      query: "carrier=dhl",
      pinned: false,
    });
    expect(createSavedViewSchema.parse({ table: "users", name: "a", pinned: "true" }).pinned).toBe(true);
  });

  it("refuses a table no view is saved for and an overlong query", () => {
    expect(createSavedViewSchema.safeParse({ table: "__proto__", name: "a" }).success).toBe(false);
    const long = createSavedViewSchema.safeParse({ table: "users", name: "a", query: "q=".padEnd(2001, "x") });
    expect(long.success).toBe(false);
    expect(long.error?.issues[0].message).toBe("savedViews.errors.queryTooLong");
  });
});

describe("the parameters a view keeps", () => {
  const known = ["carrier", "q", "sort", "perPage", "page"];

  it("keeps only the known ones, never the page, in a fixed order", () => {
    const kept = keptViewParams("?page=3&sort=order.asc&utm=x&carrier=dhl&carrier=ups&q=ana", known);
    expect(kept?.toString()).toBe("carrier=dhl&carrier=ups&q=ana&sort=order.asc");
  });

  it("drops prototype names and anything unknown", () => {
    expect(keptViewParams("__proto__=1&constructor=2&tab=drafts", known)?.toString()).toBe("");
  });

  it("refuses a query longer than a view may be", () => {
    expect(keptViewParams("q=".padEnd(SAVED_VIEW_QUERY_MAX + 1, "x"), known)).toBeNull();
    expect(keptViewParams("q=".padEnd(SAVED_VIEW_QUERY_MAX, "x"), known)).not.toBeNull();
  });
});
