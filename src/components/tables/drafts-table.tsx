"use client";
// Incomplete (Drafts): orders that cannot ship yet, what each is missing, and one change applied
// to the selected drafts.
import type { OnChangeFn, RowSelectionState } from "@tanstack/react-table";
import { useFormatter, useTranslations } from "next-intl";
import { useCallback, useMemo, useRef, useState } from "react";
import { DataTable, type TablePage } from "@/components/data-table/data-table";
import { ShipmentsEmptyState } from "./shipments-empty-state";
import type { FormAction } from "@/lib/action-result";
import type { ShipmentRow } from "@/lib/rows/shipments";
import { DraftsBulkBar } from "./drafts-bulk-bar";
import {
  carrierColumn,
  createdColumn,
  customerColumn,
  destinationColumn,
  editColumn,
  missingColumn,
  orderColumn,
  selectColumn,
  shipmentColumns,
} from "./shipment-columns";
import { useRegionName, useShipmentFilters, type StoreOption } from "./shipment-filters";

export function DraftsTable({
  page,
  bulkUpdate,
  editParcels,
  retryHold,
  storeOptions = [],
}: {
  page: TablePage<ShipmentRow>;
  /** The server actions of the bulk bar, passed down from the route. */
  bulkUpdate: FormAction;
  editParcels: FormAction;
  /** Retry of a failed hold in Shopify. */
  retryHold: FormAction;
  /** The stores to filter by (offered when there is more than one). */
  storeOptions?: StoreOption[];
}) {
  const t = useTranslations("shipments");
  const common = useTranslations();
  const format = useFormatter();
  const regionName = useRegionName();
  const [rowSelection, setRowSelection] = useState<RowSelectionState>({});
  const clearSelection = useCallback(() => setRowSelection({}), []);
  // The version each row was shown at when selected, kept across pages like the selection: the
  // weight & dimensions edit refuses a draft changed since.
  const [versions, setVersions] = useState<Record<string, number>>({});
  const onRowSelectionChange: OnChangeFn<RowSelectionState> = (updater) => {
    setVersions((seen) => ({ ...seen, ...Object.fromEntries(page.rows.map((row) => [row.id, row.version])) }));
    setRowSelection(updater);
  };
  const selected = Object.keys(rowSelection)
    .filter((id) => rowSelection[id] && versions[id] !== undefined)
    .map((id) => ({ id, version: versions[id] }));
  const filters = useShipmentFilters("drafts", storeOptions);

  const columns = useMemo(() => {
    const text = { t, common, format, regionName };
    return shipmentColumns([
      selectColumn(text),
      orderColumn(text),
      customerColumn(text),
      destinationColumn(text),
      carrierColumn(text),
      missingColumn(text, retryHold),
      createdColumn(text),
      editColumn(text),
    ]);
  }, [t, common, format, regionName, retryHold]);

  const listRef = useRef<HTMLDivElement>(null);
  return (
    <div className="relative space-y-3" ref={listRef}>
      {page.rows.length > 0 ? (
        // Past the search and filters, straight to the first draft's Edit Draft link.
        <a
          href="#first-draft"
          className="sr-only focus:not-sr-only focus:absolute focus:top-0 focus:left-0 focus:z-10 focus:rounded-md focus:bg-white focus:px-3 focus:py-2 focus:text-sm focus:shadow"
          onClick={(event) => {
            const first = listRef.current?.querySelector<HTMLElement>("[data-edit-draft]");
            if (!first) return;
            event.preventDefault();
            first.focus();
          }}
        >
          {common("drafts.skipToFirstDraft")}
        </a>
      ) : null}
      <DraftsBulkBar selected={selected} bulkUpdate={bulkUpdate} editParcels={editParcels} onDone={clearSelection} />
      <DataTable
        label={t("draftsLabel")}
        columns={columns}
        page={page}
        searchPlaceholder={t("search")}
        filters={filters}
        rowSelection={rowSelection}
        onRowSelectionChange={onRowSelectionChange}
        empty={<ShipmentsEmptyState title={t("emptyDraftsTitle")} description={t("emptyDraftsBody")} />}
      />
    </div>
  );
}
