// Where to send someone after sign-in. Only a path on this site is followed, never another
// origin: "//evil.example", "https://evil.example" and "/\evil.example" all fall back to the default.

export const DEFAULT_RETURN_PATH = "/shipments";

export function safeReturnPath(value: unknown): string {
  const path = Array.isArray(value) ? value[0] : value;
  if (typeof path !== "string" || !path.startsWith("/")) return DEFAULT_RETURN_PATH;
  try {
    const url = new URL(path, "http://local");
    if (url.origin !== "http://local") return DEFAULT_RETURN_PATH;
    return `${url.pathname}${url.search}`;
  } catch {
    return DEFAULT_RETURN_PATH;
  }
}
