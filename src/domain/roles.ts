// Plain constants, free of zod, so that client components can import them cheaply.
export const ROLES = ["admin", "operator"] as const;
export type Role = (typeof ROLES)[number];

export const LOCALES = ["en", "pt-BR"] as const;
export type Locale = (typeof LOCALES)[number];
