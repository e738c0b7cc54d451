"use client";
// Shipment Management: everything that left the draft stage (cancelled ones when the status filter
// asks for them), newest first, with the documents, pickup and cancellation actions of a row or of
// the selection.
import type { RowSelectionState } from "@tanstack/react-table";
import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { useActionState, useCallback, useMemo, useState } from "react";
import { DataTable, type TablePage } from "@/components/data-table/data-table";
import { ShipmentsEmptyState } from "./shipments-empty-state";
import { RecordS10Dialog, type S10Target } from "@/components/shipments/record-s10-dialog";
import { ShipmentsBulkBar } from "@/components/shipments/shipments-bulk-bar";
import { Alert } from "@/components/ui/card";
import type { PickupCalendar } from "@/lib/rows/pickup-calendar";
import { serializeTableState } from "@/lib/table/params";
import type { ShipmentRow } from "@/lib/rows/shipments";
import {
  actionsColumn,
  carrierColumn,
  customerDestinationColumn,
  documentsColumn,
  orderCreatedColumn,
  pickupColumn,
  selectColumn,
  shipmentColumns,
  statusColumn,
  trackingColumn,
  valueColumn,
} from "./shipment-columns";
import { ShipmentDialogs, useShipmentDialogs, type ShipmentActions } from "./shipment-dialogs";
import { useRegionName, useShipmentFilters, type StoreOption } from "./shipment-filters";

export function ShipmentsTable({
  page,
  actions,
  storeOptions = [],
  pickupCalendars = {},
  hiddenCancelled = 0,
}: {
  page: TablePage<ShipmentRow>;
  /** Cancelled shipments the view leaves out (no status chosen): said under the table, with a link. */
  hiddenCancelled?: number;
  actions: ShipmentActions;
  /** The stores to filter by (offered when there is more than one). */
  storeOptions?: StoreOption[];
  /** Each store's holidays at its pickup address, for the pickup dialog. */
  pickupCalendars?: Record<string, PickupCalendar>;
}) {
  const t = useTranslations("shipments");
  const common = useTranslations();
  const format = useFormatter();
  const regionName = useRegionName();
  const [rowSelection, setRowSelection] = useState<RowSelectionState>({});
  const clearSelection = useCallback(() => setRowSelection({}), []);
  const dialogs = useShipmentDialogs();
  const [s10Target, setS10Target] = useState<S10Target | null>(null);
  const closeS10 = useCallback(() => setS10Target(null), []);
  const [notice, setNotice] = useState<string | null>(null);
  const [generated, generate, generating] = useActionState(actions.generateDocuments, null);
  const [retried, retry, retrying] = useActionState(actions.retryTracking, null);
  // A new documents answer replaces the dialogs' notice: adjusted while rendering, not in an effect.
  const [noticeAnswer, setNoticeAnswer] = useState(generated);
  if (noticeAnswer !== generated) {
    setNoticeAnswer(generated);
    if (generated?.ok) setNotice(null);
  }
  const dialogDone = useCallback((message: string) => {
    setRowSelection({});
    setNotice(message);
  }, []);
  const selectedRows = page.rows.filter((row) => rowSelection[row.id]);
  const filters = useShipmentFilters("management", storeOptions);

  const columns = useMemo(() => {
    const text = { t, common, format, regionName };
    return shipmentColumns([
      selectColumn(text),
      orderCreatedColumn(text),
      customerDestinationColumn(text),
      carrierColumn(text),
      statusColumn(text, actions.retryHold),
      trackingColumn(text, setS10Target),
      pickupColumn(text),
      documentsColumn(text, retry, retrying),
      valueColumn(text),
      actionsColumn(text, { generate, generating, ...dialogs.open }),
    ]);
  }, [t, common, format, regionName, retry, retrying, generate, generating, dialogs.open, actions.retryHold]);

  const generatedError =
    generated?.ok === false ? (generated.formError ?? Object.values(generated.fieldErrors ?? {})[0]) : null;
  const retriedError = retried?.ok === false ? retried.formError : null;
  return (
    <div className="space-y-3">
      {notice ? <Alert tone="success">{notice}</Alert> : null}
      {generated?.ok ? (
        <Alert tone="success">
          {generated.message}{" "}
          {generated.data ? (
            <a href={generated.data.downloadUrl} className="font-medium underline" download>
              {common("documents.downloadReady")}
            </a>
          ) : null}
        </Alert>
      ) : null}
      {generated?.ok && generated.data && generated.data.failures.length > 0 ? (
        <Alert tone="error">
          <ul className="list-disc space-y-0.5 pl-4" data-testid="documents-failures">
            {generated.data.failures.map((failure) => (
              <li key={failure}>{failure}</li>
            ))}
          </ul>
        </Alert>
      ) : null}
      {generatedError ? <Alert tone="error">{generatedError}</Alert> : null}
      {retried?.ok ? <Alert tone="success">{retried.message}</Alert> : null}
      {retriedError ? <Alert tone="error">{retriedError}</Alert> : null}
      <ShipmentsBulkBar
        selected={selectedRows}
        generate={generate}
        generating={generating}
        onSchedule={() => dialogs.open.schedule(selectedRows)}
        onClear={clearSelection}
      />
      <ShipmentDialogs
        targets={dialogs.targets}
        close={dialogs.close}
        calendars={pickupCalendars}
        actions={actions}
        onDone={dialogDone}
      />
      <RecordS10Dialog
        target={s10Target}
        recordS10={actions.recordS10}
        onClose={closeS10}
        onDone={(message) => {
          closeS10();
          dialogDone(message);
        }}
      />
      <DataTable
        label={t("title")}
        columns={columns}
        page={page}
        searchPlaceholder={t("search")}
        filters={filters}
        rowSelection={rowSelection}
        onRowSelectionChange={setRowSelection}
        empty={<ShipmentsEmptyState title={t("emptyTitle")} description={t("emptyBody")} />}
      />
      {hiddenCancelled > 0 ? <HiddenCancelled count={hiddenCancelled} page={page} /> : null}
    </div>
  );
}

/** "3 cancelled shipments are not listed. Show cancelled": the same view, filtered to them. */
function HiddenCancelled({ count, page }: { count: number; page: TablePage<ShipmentRow> }) {
  const t = useTranslations("shipments");
  const state = { ...page.state, page: 1, filters: { ...page.state.filters, status: ["cancelled"] } };
  return (
    <p className="text-sm text-slate-600" data-testid="hidden-cancelled">
      {t("hiddenCancelled", { count })}{" "}
      <Link href={`?${serializeTableState(state, page.spec)}`} className="font-medium text-brand-700 hover:underline">
        {t("showCancelled")}
      </Link>
    </p>
  );
}
