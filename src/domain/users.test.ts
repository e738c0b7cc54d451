import { describe, expect, it } from "vitest";
import {
  accountChangeBlocked,
  createUserSchema,
  localeFromAcceptLanguage,
  setActiveSchema,
  signInSchema,
} from "./users";

describe("createUserSchema", () => {
  it("normalises the email and treats an empty password as 'generate one'", () => {
    const parsed = createUserSchema.parse({ email: "  Ana@Store.COM ", name: " Ana ", role: "operator", password: "" });
    expect(parsed).toEqual({ email: "ana@store.com", name: "Ana", role: "operator", password: undefined });
  });

  it("reports each invalid field with its message key", () => {
    const result = createUserSchema.safeParse({ email: "not-an-email", name: "", role: "owner", password: "short" });
    expect(result.success).toBe(false);
    const byField = Object.fromEntries(result.error!.issues.map((issue) => [issue.path.join("."), issue.message]));
    expect(byField).toEqual({
      email: "errors.emailInvalid",
      name: "errors.required",
      role: "errors.roleInvalid",
      password: "errors.passwordTooShort",
    });
  });

  it("reports a missing email as required, not as malformed", () => {
    const result = createUserSchema.safeParse({ email: "", name: "A", role: "admin" });
    expect(result.error!.issues[0]).toMatchObject({ path: ["email"], message: "errors.required" });
  });
});

describe("setActiveSchema", () => {
  it("turns the form's string into a boolean", () => {
    const id = "7c9e6679-7425-40de-944b-e07fc1f90ae7";
    expect(setActiveSchema.parse({ userId: id, active: "false" })).toEqual({ userId: id, active: false });
    expect(setActiveSchema.safeParse({ userId: id, active: "yes" }).success).toBe(false);
  });
});

describe("signInSchema", () => {
  it("requires both fields", () => {
    expect(signInSchema.safeParse({ email: "a@b.co", password: "" }).success).toBe(false);
    expect(signInSchema.safeParse({ email: "a@b.co", password: "x" }).success).toBe(true);
  });
});

describe("accountChangeBlocked", () => {
  const admin = { actorId: "a", targetId: "b", targetRole: "admin" as const, targetActive: true };

  it("allows demoting an admin while another active admin remains", () => {
    expect(accountChangeBlocked(admin, { role: "operator" }, 2)).toBeNull();
  });

  it("refuses to demote or deactivate the last active admin", () => {
    expect(accountChangeBlocked(admin, { role: "operator" }, 1)).toBe("errors.lastAdmin");
    expect(accountChangeBlocked(admin, { active: false }, 1)).toBe("errors.lastAdmin");
  });

  it("refuses to let admins lock themselves out", () => {
    expect(accountChangeBlocked({ ...admin, targetId: "a" }, { active: false }, 5)).toBe(
      "errors.cannotChangeOwnAccount",
    );
    expect(accountChangeBlocked({ ...admin, targetId: "a" }, { role: "operator" }, 5)).toBe(
      "errors.cannotChangeOwnAccount",
    );
  });

  it("allows promotions and reactivations without conditions", () => {
    expect(accountChangeBlocked({ ...admin, targetRole: "operator" }, { role: "admin" }, 1)).toBeNull();
    expect(accountChangeBlocked({ ...admin, targetId: "a" }, { active: true }, 1)).toBeNull();
  });

  it("does not count an operator or an inactive admin as the last admin", () => {
    expect(accountChangeBlocked({ ...admin, targetRole: "operator" }, { active: false }, 1)).toBeNull();
    expect(accountChangeBlocked({ ...admin, targetActive: false }, { role: "operator" }, 1)).toBeNull();
  });
});

describe("localeFromAcceptLanguage", () => {
  it.each([
    ["pt-BR,pt;q=0.9,en;q=0.8", "pt-BR"],
    ["pt-PT", "pt-BR"],
    ["en-US,en;q=0.9", "en"],
    ["de-DE,pt;q=0.5,en;q=0.7", "en"],
    ["de-DE,pt;q=0.8,en;q=0.7", "pt-BR"],
    ["fr-FR", "en"],
    ["", "en"],
    [null, "en"],
    ["pt;q=0, en", "en"],
  ])("%s → %s", (header, expected) => {
    expect(localeFromAcceptLanguage(header)).toBe(expected);
  });
});
