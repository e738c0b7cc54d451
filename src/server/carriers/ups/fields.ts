// UPS's field limits, applied one way: a value that fits is sent as it is, one that does not is
// refused with invalidRequest naming the field, before anything is sent (never cut silently).
import { CarrierApiError } from "../api";

export function refuse(field: string, why: string): never {
  throw new CarrierApiError("invalidRequest", "ups", `${field}: ${why}`);
}

/** The value itself when it fits UPS's limit, otherwise a refusal naming the field. */
export function fit(value: string, max: number, field: string): string {
  const text = value.trim();
  if (!text) refuse(field, "missing");
  if (text.length > max) refuse(field, `longer than UPS's ${max} characters`);
  return text;
}

export function optional(value: string | null, max: number, field: string): string | undefined {
  return value && value.trim() ? fit(value, max, field) : undefined;
}

/** Digits only (UPS phone numbers, CNPJ, CEP); refused when longer than the field. */
export function digits(value: string, max: number, field: string): string {
  const only = value.replace(/\D/g, "");
  if (!only) refuse(field, "no digits");
  if (only.length > max) refuse(field, `more than UPS's ${max} digits`);
  return only;
}

export const yyyymmdd = (isoDate: string, field: string) => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(isoDate)) refuse(field, "not a YYYY-MM-DD date");
  return isoDate.replaceAll("-", "");
};

/** Brazilian CEPs are written "01310-100"; UPS takes the digits (max 9). */
export const postal = (value: string | null, field: string) =>
  value ? fit(value.replace(/[\s-]/g, ""), 9, field) : undefined;

/** Decimal kilograms as UPS writes weights: one decimal, rounded up so the parcel is never under-declared. */
export function kg(weight: number, max: number, field: string): string {
  if (!Number.isFinite(weight) || weight <= 0) refuse(field, "not a positive weight");
  const text = (Math.ceil(weight * 10) / 10).toFixed(1);
  if (text.length > max) refuse(field, `over UPS's ${max}-character weight`);
  return text;
}

export function cm(value: number, field: string): string {
  if (!Number.isFinite(value) || value <= 0) refuse(field, "not a positive dimension");
  const whole = Math.ceil(value);
  if (whole > 999) refuse(field, "over UPS's 3-digit dimension");
  return String(whole);
}

export function money(value: string, max: number, field: string): string {
  if (!/^\d+(\.\d{1,2})?$/.test(value)) refuse(field, "not a decimal amount");
  return fit(value, max, field);
}
