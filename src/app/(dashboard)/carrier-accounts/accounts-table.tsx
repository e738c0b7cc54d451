"use client";
// The accounts: carrier, name, environment, account hint, last test and the stores using each,
// with Test connection (its outcome shown under the row), Edit and Delete.
import { ArrowUp, PlugZap, Pencil, Trash2, Truck } from "lucide-react";
import { useFormatter, useTranslations } from "next-intl";
import { useActionState, useCallback, useEffect, useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Alert, Card, EmptyState } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { Dialog } from "@/components/ui/dialog";
import { CARRIERS } from "@/domain/carrier-registry";
import { translateOr } from "@/i18n/message-keys";
import type { CarrierAccountRow } from "@/server/queries/carrier-accounts";
import { AccountForm, AddAccountDialog } from "./account-dialog";
import { deleteCarrierAccountAction, testCarrierAccountAction } from "./actions";

export function CarrierName({ carrier }: { carrier: CarrierAccountRow["carrier"] }) {
  return (
    <span className="inline-flex items-center gap-1.5 font-medium whitespace-nowrap text-slate-900">
      <span className="size-2.5 rounded-full" style={{ backgroundColor: CARRIERS[carrier].color }} aria-hidden />
      {CARRIERS[carrier].name}
    </span>
  );
}

function LastTest({ account }: { account: CarrierAccountRow }) {
  const t = useTranslations("carrierAccounts");
  const common = useTranslations();
  const format = useFormatter();
  if (!account.lastTestedAt) return <span className="text-slate-500">{t("neverTested")}</span>;
  const carrier = CARRIERS[account.carrier].name;
  return (
    <div className="space-y-0.5">
      {account.lastTestOk ? (
        <Badge tone="green">{t("lastTestOk")}</Badge>
      ) : (
        <Badge tone="red">{t("lastTestFailed")}</Badge>
      )}
      {!account.lastTestOk && account.lastTestError ? (
        <p className="max-w-64 text-xs text-red-700">
          {translateOr(
            common,
            `carriers.errors.${account.lastTestError}`,
            common("carrierAccounts.errors.unexpected"),
            { carrier, message: "—" },
          )}
        </p>
      ) : null}
      <p className="text-xs text-slate-500">{t("testedAt", { when: format.relativeTime(account.lastTestedAt) })}</p>
    </div>
  );
}

// Below md each account is a card: cells stacked, each with its column's name.
const ROW = "block px-4 py-3 align-top md:table-row md:p-0";
const CELL = "flex items-start gap-3 py-1 md:table-cell md:px-4 md:py-3";

function PhoneLabel({ children }: { children: string }) {
  return <span className="w-28 shrink-0 text-xs font-medium text-slate-500 uppercase md:hidden">{children}</span>;
}

function AccountRow({
  account,
  onEdit,
  onDelete,
}: {
  account: CarrierAccountRow;
  onEdit: () => void;
  onDelete: () => void;
}) {
  const t = useTranslations("carrierAccounts");
  // Per row, outside any dialog: the outcome stays under the row through the refresh that follows.
  const [tested, testAction, testing] = useActionState(testCarrierAccountAction, null);
  const outcome = tested ? (tested.ok ? tested.message : tested.formError) : null;
  return (
    <>
      {/* Explicit roles: below md the row is laid out as a card (display: block), which would drop them. */}
      <tr role="row" className={ROW} data-testid={`carrier-account-${account.id}`}>
        <td role="cell" className={CELL}>
          <CarrierName carrier={account.carrier} />
        </td>
        <td role="cell" className={CELL}>
          <div className="font-medium text-slate-900">{account.name}</div>
          <div className="font-mono text-xs text-slate-500">{account.clientIdMasked}</div>
        </td>
        <td role="cell" className={CELL}>
          <PhoneLabel>{t("columns.environment")}</PhoneLabel>
          <Badge tone={account.environment === "production" ? "violet" : "gray"}>
            {t(`environments.${account.environment}`)}
          </Badge>
        </td>
        <td role="cell" className={cn(CELL, "font-mono whitespace-nowrap")}>
          <PhoneLabel>{t("columns.account")}</PhoneLabel>…{account.hint}
        </td>
        <td role="cell" className={CELL}>
          <PhoneLabel>{t("columns.lastTest")}</PhoneLabel>
          <LastTest account={account} />
        </td>
        <td role="cell" className={CELL}>
          <PhoneLabel>{t("columns.stores")}</PhoneLabel>
          {account.stores.length > 0 ? (
            <ul className="space-y-0.5">
              {account.stores.map((store) => (
                <li key={store.id}>{store.name}</li>
              ))}
            </ul>
          ) : (
            <span className="whitespace-nowrap text-slate-500">{t("unused")}</span>
          )}
        </td>
        <td role="cell" className={CELL}>
          <div className="flex flex-wrap gap-1 md:justify-end lg:flex-nowrap">
            <form action={testAction}>
              <input type="hidden" name="accountId" value={account.id} />
              <Button
                type="submit"
                variant="secondary"
                size="sm"
                disabled={testing}
                aria-label={t("testAccount", { name: account.name })}
              >
                <PlugZap className="size-4" aria-hidden />
                {testing ? t("testing") : t("test")}
              </Button>
            </form>
            <Button variant="ghost" size="sm" onClick={onEdit} aria-label={t("editAccount", { name: account.name })}>
              <Pencil className="size-4" aria-hidden />
              {t("edit")}
            </Button>
            <Button
              variant="ghost"
              size="sm"
              onClick={onDelete}
              aria-label={t("deleteAccount", { name: account.name })}
            >
              <Trash2 className="size-4" aria-hidden />
              {t("delete")}
            </Button>
          </div>
        </td>
      </tr>
      {outcome ? (
        <tr role="row" className="block md:table-row">
          <td
            role="cell"
            colSpan={7}
            className="block px-4 pb-3 md:table-cell"
            data-testid={`carrier-account-test-${account.id}`}
          >
            <Alert tone={tested?.ok ? "success" : "error"}>{outcome}</Alert>
          </td>
        </tr>
      ) : null}
    </>
  );
}

function DeleteForm({ account, onDone }: { account: CarrierAccountRow; onDone: (message: string) => void }) {
  const t = useTranslations("carrierAccounts");
  const common = useTranslations();
  const [state, action, pending] = useActionState(deleteCarrierAccountAction, null);
  useEffect(() => {
    if (state?.ok) onDone(state.message ?? "");
  }, [state, onDone]);
  return (
    <form action={action} className="space-y-4 text-left">
      <input type="hidden" name="accountId" value={account.id} />
      {state?.ok === false ? <Alert tone="error">{state.formError}</Alert> : null}
      <p className="text-sm text-slate-700">{t("deleteConfirm", { name: account.name })}</p>
      <div className="flex justify-end gap-2">
        <Button variant="secondary" onClick={() => onDone("")}>
          {common("common.cancel")}
        </Button>
        <Button type="submit" variant="danger" disabled={pending}>
          {t("delete")}
        </Button>
      </div>
    </form>
  );
}

export function AccountsSection({ accounts }: { accounts: CarrierAccountRow[] }) {
  const t = useTranslations("carrierAccounts");
  const common = useTranslations();
  // One dialog for the whole table, outside it, with a key per opening for a fresh form.
  const [open, setOpen] = useState<{ mode: "edit" | "delete"; id: string; opening: number } | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const done = useCallback((message: string) => {
    setOpen(null);
    if (message) setSaved(message);
  }, []);
  const chosen = open ? accounts.find((account) => account.id === open.id) : undefined;
  const openFor = (mode: "edit" | "delete", id: string) =>
    setOpen((previous) => ({ mode, id, opening: (previous?.opening ?? 0) + 1 }));
  return (
    <section className="space-y-3">
      <div className="flex justify-end">
        <AddAccountDialog onSaved={setSaved} />
      </div>
      {saved ? <Alert tone="success">{saved}</Alert> : null}
      <Card>
        {accounts.length === 0 ? (
          <EmptyState icon={<Truck className="size-5" aria-hidden />} title={t("empty")} />
        ) : (
          <div className="md:overflow-x-auto">
            <table role="table" className="block w-full text-left text-sm md:table">
              <thead className="hidden border-b border-slate-200 bg-slate-50 text-xs font-medium text-slate-600 uppercase md:table-header-group">
                <tr>
                  <th scope="col" className="px-4 py-2">
                    {t("columns.carrier")}
                  </th>
                  {/* The accounts come by name (carrier-accounts.ts): said the way the other tables say their sort. */}
                  <th scope="col" className="px-4 py-2" aria-sort="ascending">
                    <span className="inline-flex items-center gap-1">
                      {t("columns.name")}
                      <ArrowUp className="size-3.5" aria-hidden />
                    </span>
                  </th>
                  <th scope="col" className="px-4 py-2">
                    {t("columns.environment")}
                  </th>
                  <th scope="col" className="px-4 py-2">
                    {t("columns.account")}
                  </th>
                  <th scope="col" className="px-4 py-2">
                    {t("columns.lastTest")}
                  </th>
                  <th scope="col" className="px-4 py-2">
                    {t("columns.stores")}
                  </th>
                  <th scope="col" className="px-4 py-2">
                    <span className="sr-only">{t("columns.actions")}</span>
                  </th>
                </tr>
              </thead>
              <tbody role="rowgroup" className="block divide-y divide-slate-100 md:table-row-group">
                {accounts.map((account) => (
                  <AccountRow
                    key={account.id}
                    account={account}
                    onEdit={() => openFor("edit", account.id)}
                    onDelete={() => openFor("delete", account.id)}
                  />
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Card>
      <Dialog
        open={!!chosen}
        onClose={() => setOpen(null)}
        title={
          chosen
            ? open?.mode === "delete"
              ? t("deleteAccount", { name: chosen.name })
              : t("editTitle", { name: chosen.name })
            : ""
        }
        description={open?.mode === "edit" ? t("editHint") : undefined}
        closeLabel={common("common.close")}
      >
        {chosen && open?.mode === "edit" ? <AccountForm key={open.opening} account={chosen} onDone={done} /> : null}
        {chosen && open?.mode === "delete" ? <DeleteForm key={open.opening} account={chosen} onDone={done} /> : null}
      </Dialog>
    </section>
  );
}
