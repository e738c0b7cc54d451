import "server-only";
// Secrets at rest (Shopify access and refresh tokens): AES-256-GCM with a random 96-bit IV per
// value, the row's id as additional authenticated data (a ciphertext copied to another row does
// not decrypt), stored as `v1.<iv>.<tag>.<ciphertext>` in base64url.
import crypto from "node:crypto";
import { encryptionKey } from "./env";

const VERSION = "v1";

/** APP_ENCRYPTION_KEY is 32 random bytes in base64 (or hex); anything else is stretched with SHA-256. */
export function keyFromSetting(setting: string): Buffer {
  for (const encoding of ["base64", "hex"] as const) {
    const bytes = Buffer.from(setting, encoding);
    if (bytes.length === 32 && bytes.toString(encoding).replace(/=+$/, "") === setting.replace(/=+$/, "")) return bytes;
  }
  return crypto.createHash("sha256").update(setting).digest();
}

let cachedKey: Buffer | undefined;
function appKey(): Buffer {
  cachedKey ??= keyFromSetting(encryptionKey());
  return cachedKey;
}

export function encryptSecret(plaintext: string, associatedData: string, key: Buffer = appKey()): string {
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv("aes-256-gcm", key, iv);
  cipher.setAAD(Buffer.from(associatedData));
  const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return [
    VERSION,
    iv.toString("base64url"),
    cipher.getAuthTag().toString("base64url"),
    ciphertext.toString("base64url"),
  ].join(".");
}

export function decryptSecret(token: string, associatedData: string, key: Buffer = appKey()): string {
  const [version, iv, tag, ciphertext] = token.split(".");
  if (version !== VERSION || !iv || !tag || ciphertext === undefined) throw new Error("Not an encrypted secret");
  const decipher = crypto.createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"));
  decipher.setAAD(Buffer.from(associatedData));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([decipher.update(Buffer.from(ciphertext, "base64url")), decipher.final()]).toString("utf8");
}

export function isEncrypted(value: string): boolean {
  return value.startsWith(`${VERSION}.`);
}
