import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { decryptSecret, encryptSecret, isEncrypted, keyFromSetting } from "./crypto";

const key = crypto.randomBytes(32);

describe("secrets at rest", () => {
  it("round-trips and never stores the plaintext", () => {
    const sealed = encryptSecret("shpat_secret-token", "offline_x.myshopify.com", key);
    expect(isEncrypted(sealed)).toBe(true);
    expect(sealed).not.toContain("shpat");
    expect(decryptSecret(sealed, "offline_x.myshopify.com", key)).toBe("shpat_secret-token");
  });

  it("uses a fresh IV every time", () => {
    expect(encryptSecret("same", "id", key)).not.toBe(encryptSecret("same", "id", key));
  });

  it("refuses another row's ciphertext, a wrong key and tampering", () => {
    const sealed = encryptSecret("token", "offline_a.myshopify.com", key);
    expect(() => decryptSecret(sealed, "offline_b.myshopify.com", key)).toThrow();
    expect(() => decryptSecret(sealed, "offline_a.myshopify.com", crypto.randomBytes(32))).toThrow();
    const parts = sealed.split(".");
    parts[3] = Buffer.from("tampered").toString("base64url");
    expect(() => decryptSecret(parts.join("."), "offline_a.myshopify.com", key)).toThrow();
  });

  it("reads a base64 or hex key and stretches anything else", () => {
    const raw = crypto.randomBytes(32);
    expect(keyFromSetting(raw.toString("base64")).equals(raw)).toBe(true);
    expect(keyFromSetting(raw.toString("hex")).equals(raw)).toBe(true);
    expect(keyFromSetting("a passphrase")).toHaveLength(32);
  });
});
