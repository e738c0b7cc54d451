// Why a shipment lacks its NF-e key, with the figures a person needs to check it: "NF-e key
// required above US$ 1,000 (BRL 6,000.00 = US$ 1,104.97 at PTAX of 2026-11-30)".
import type { NfeKeyReason } from "./carriers";
import type { UsdConversion } from "./exchange-rates";
import { formatCents } from "./money";
import type { ShipmentProblem } from "./order-mapping";

export function nfeKeyProblem(
  reason: NfeKeyReason,
  declaredValue: string,
  currency: string,
  usd: UsdConversion | null,
  referenceDate: string,
): ShipmentProblem {
  if (reason === "aboveLimit" && usd?.ok) {
    return {
      field: "nfeKey",
      code: "aboveLimit",
      values: {
        amount: declaredValue,
        currency,
        usd: formatCents(usd.usdCents),
        rateDate: usd.rate?.date ?? "",
        rate: usd.rate?.usdBuyBrl ?? "",
      },
    };
  }
  if (reason === "noRate") {
    return {
      field: "nfeKey",
      code: "noRate",
      values: { amount: declaredValue, currency, referenceDate, why: usd && !usd.ok ? usd.reason : "unreadable" },
    };
  }
  return { field: "nfeKey", code: "required" };
}
