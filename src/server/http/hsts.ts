// Strict-Transport-Security: once a browser has seen the dashboard over https, it never goes
// back to plain http for it (or its subdomains) for two years. Sent only in production behind an
// https APP_URL — over http the header would be ignored, and on a development machine it would
// pin localhost to https for every other project.
const HSTS_VALUE = "max-age=63072000; includeSubDomains";

export function strictTransportSecurity(options: { production: boolean; appUrl: string }): string | null {
  if (!options.production) return null;
  try {
    return new URL(options.appUrl).protocol === "https:" ? HSTS_VALUE : null;
  } catch {
    return null;
  }
}
