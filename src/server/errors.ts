// Errors a service raises on purpose. `code` is an i18n key (src/i18n/messages) that the
// action wrapper translates; `field` puts the message next to one form field.
export class AppError extends Error {
  constructor(
    readonly code: string,
    readonly field?: string,
    readonly values?: Record<string, string | number>,
  ) {
    super(code);
    this.name = "AppError";
  }
}
