"use client";
// Per connected store, the account it ships each carrier with. A store without one for a carrier
// is flagged: its pickups and labels with that carrier are refused until an admin assigns one.
import { Store } from "lucide-react";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Alert, Card, EmptyState } from "@/components/ui/card";
import { Select } from "@/components/ui/field";
import { ACCOUNT_CARRIERS, type AccountCarrier } from "@/domain/carrier-account-options";
import { CARRIERS } from "@/domain/carrier-registry";
import type { CarrierAccountRow, StoreAccountsRow } from "@/server/queries/carrier-accounts";
import { assignStoreCarrierAccountAction } from "./actions";
import { CarrierName } from "./accounts-table";

function CarrierAssignment({
  store,
  carrier,
  accounts,
}: {
  store: StoreAccountsRow;
  carrier: AccountCarrier;
  accounts: CarrierAccountRow[];
}) {
  const t = useTranslations("carrierAccounts.stores");
  const [state, action, pending] = useActionState(assignStoreCarrierAccountAction, null);
  const current = store.accounts[carrier];
  const selectId = `store-${store.id}-${carrier}`;
  const label = t("assignFor", { carrier: CARRIERS[carrier].name, store: store.name });
  const error = state?.ok === false ? (state.fieldErrors?.accountId ?? state.formError) : undefined;
  return (
    <form action={action} className="space-y-1.5">
      <input type="hidden" name="storeId" value={store.id} />
      <input type="hidden" name="carrier" value={carrier} />
      <label htmlFor={selectId} className="block text-sm">
        <CarrierName carrier={carrier} />
        <span className="sr-only"> — {label}</span>
      </label>
      <div className="flex gap-2">
        {/* Keyed by the stored choice, so a refresh after saving shows what is stored. */}
        <Select key={current ?? "none"} id={selectId} name="accountId" defaultValue={current ?? ""} invalid={!!error}>
          <option value="">{t("none")}</option>
          {accounts
            .filter((account) => account.carrier === carrier)
            .map((account) => (
              <option key={account.id} value={account.id}>
                {account.name} (…{account.hint})
              </option>
            ))}
        </Select>
        <Button type="submit" variant="secondary" disabled={pending} aria-label={`${t("assign")}: ${label}`}>
          {t("assign")}
        </Button>
      </div>
      {!current ? <p className="text-xs text-amber-800">{t("missing", { carrier: CARRIERS[carrier].name })}</p> : null}
      {error ? <Alert tone="error">{error}</Alert> : null}
      {state?.ok && state.message ? <Alert tone="success">{state.message}</Alert> : null}
    </form>
  );
}

export function StoreAccountsSection({
  stores,
  accounts,
}: {
  stores: StoreAccountsRow[];
  accounts: CarrierAccountRow[];
}) {
  const t = useTranslations("carrierAccounts.stores");
  return (
    <section className="mt-10 space-y-3" aria-labelledby="carrier-account-stores">
      <div>
        <h2 id="carrier-account-stores" className="text-lg font-semibold text-slate-900">
          {t("title")}
        </h2>
        <p className="mt-1 text-sm text-slate-600">{t("description")}</p>
      </div>
      {stores.length === 0 ? (
        <Card>
          <EmptyState icon={<Store className="size-5" aria-hidden />} title={t("empty")} />
        </Card>
      ) : (
        stores.map((store) => (
          <Card key={store.id} className="p-4" data-testid={`store-carrier-accounts-${store.id}`}>
            <div className="mb-3">
              <h3 className="font-medium text-slate-900">{store.name}</h3>
              <p className="font-mono text-xs text-slate-600">{store.shopDomain}</p>
            </div>
            <div className="grid gap-4 md:grid-cols-3">
              {ACCOUNT_CARRIERS.map((carrier) => (
                <CarrierAssignment key={carrier} store={store} carrier={carrier} accounts={accounts} />
              ))}
            </div>
          </Card>
        ))
      )}
    </section>
  );
}
