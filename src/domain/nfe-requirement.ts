// Why a shipment lacks its NF-e key, with the figures a person needs to check it: "NF-e key
// required above US$ 1,000 (BRL 6,000.00 = US$ 1,104.97 at PTAX of 2026-11-30)".
import type { NfeKeyReason } from "./carriers";
import type { UsdConversion } from "./exchange-rates";
import type { ShipmentProblem } from "./shipment-problem";

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
        // Numbers, so each language formats them its own way ("6,000.00" / "6.000,00").
        amount: Number(declaredValue),
        currency,
        usd: usd.usdCents / 100,
        rateDate: usd.rate?.date ?? "",
        rate: usd.rate?.usdBuyBrl ?? "",
      },
    };
  }
  if (reason === "noRate") {
    return {
      field: "nfeKey",
      code: "noRate",
      values: {
        amount: Number(declaredValue),
        currency,
        referenceDate,
        why: usd && !usd.ok ? usd.reason : "unreadable",
      },
    };
  }
  return { field: "nfeKey", code: "required" };
}
