// Errors a service raises on purpose. `code` is a message key (src/i18n/messages) that the action
// wrapper translates — the compiler checks it exists; `field` puts the message next to one form
// field. Route handlers answer with httpStatusOf(code).
import type { MessageKey } from "@/i18n/message-keys";
import en from "@/i18n/messages/en.json";

type AppErrorCode = MessageKey;

export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    readonly field?: string,
    readonly values?: Record<string, string | number>,
  ) {
    super(code);
    this.name = "AppError";
  }
}

/** Whether a key that arrives as text (a zod issue's message) names a message. */
export function isAppErrorCode(value: string): value is AppErrorCode {
  let node: unknown = en;
  for (const part of value.split(".")) {
    if (typeof node !== "object" || node === null || !Object.hasOwn(node, part)) return false;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === "string";
}

type AppErrorStatus = 400 | 403 | 404 | 409;

/**
 * The HTTP status of the codes that are not a plain refusal of the request (400): what is not
 * there, what the user may not do, and what changed meanwhile (a stale save, a double booking).
 */
const HTTP_STATUS: Partial<Record<AppErrorCode, AppErrorStatus>> = {
  "errors.notFound": 404,
  "documents.errors.noneIssued": 404,
  "storeSettings.errors.adminOnly": 403,
  "errors.staleDraft": 409,
  "errors.staleQuote": 409,
  "errors.emailTaken": 409,
  "pickups.errors.changedMeanwhile": 409,
  "pickups.errors.alreadyScheduled": 409,
  "cancelledInShopify.errors.changedMeanwhile": 409,
  "labels.errors.issuedAsZpl": 409,
  "labels.errors.issuedAsPdf": 409,
  "labels.errors.inProgress": 409,
  "labels.errors.noLabels": 404,
};

export function httpStatusOf(code: AppErrorCode): AppErrorStatus {
  return HTTP_STATUS[code] ?? 400;
}
