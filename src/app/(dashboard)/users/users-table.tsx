"use client";
import { createColumnHelper } from "@tanstack/react-table";
import { useFormatter, useTranslations } from "next-intl";
import { useMemo, useState } from "react";
import { DataTable, type TablePage } from "@/components/data-table/data-table";
import type { ServerTableFeatures } from "@/components/data-table/features";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/card";
import type { UserRow } from "@/server/queries/users";
import { ManageUserButton, ManageUserDialog } from "./manage-user-dialog";
import { translateOr } from "@/i18n/message-keys";

const column = createColumnHelper<ServerTableFeatures, UserRow>();

export function UsersTable({ page, currentUserId }: { page: TablePage<UserRow>; currentUserId: string }) {
  const t = useTranslations("users");
  const common = useTranslations();
  const format = useFormatter();
  // Which user the manage dialog shows; a key per opening gives its forms a fresh state.
  const [managed, setManaged] = useState<{ id: string; opening: number } | null>(null);

  const columns = useMemo(
    () =>
      column.columns([
        column.accessor("name", {
          header: t("columns.name"),
          cell: (info) => (
            <span className="font-medium text-slate-900">
              {info.getValue()}
              {info.row.original.id === currentUserId ? (
                <span className="ml-1.5 text-xs font-normal text-slate-500">({t("you")})</span>
              ) : null}
            </span>
          ),
        }),
        column.accessor("email", { header: t("columns.email") }),
        column.accessor("role", {
          header: t("columns.role"),
          cell: (info) => (
            <Badge tone={info.getValue() === "admin" ? "violet" : "blue"}>{common(`roles.${info.getValue()}`)}</Badge>
          ),
        }),
        column.accessor("active", {
          id: "status",
          header: t("columns.status"),
          cell: (info) =>
            info.getValue() ? <Badge tone="green">{t("active")}</Badge> : <Badge tone="gray">{t("inactive")}</Badge>,
        }),
        column.accessor("lastSignInAt", {
          header: t("columns.lastSignIn"),
          cell: (info) => {
            const value = info.getValue();
            return value ? (
              format.dateTime(value, { dateStyle: "medium", timeStyle: "short" })
            ) : (
              <span className="text-slate-400">{t("never")}</span>
            );
          },
        }),
        column.accessor("createdAt", {
          header: t("columns.created"),
          cell: (info) => format.dateTime(info.getValue(), { dateStyle: "medium" }),
        }),
        column.display({
          id: "actions",
          header: () => <span className="sr-only">{t("columns.actions")}</span>,
          cell: (info) => (
            <ManageUserButton
              user={info.row.original}
              onClick={() =>
                setManaged((previous) => ({ id: info.row.original.id, opening: (previous?.opening ?? 0) + 1 }))
              }
            />
          ),
          meta: { className: "text-right" },
        }),
      ]),
    [t, common, format, currentUserId],
  );

  return (
    <>
      <DataTable
        label={t("title")}
        columns={columns}
        page={page}
        searchPlaceholder={t("search")}
        filters={[
          {
            id: "role",
            label: t("columns.role"),
            optionLabel: (role) => translateOr(common, `roles.${role}`, role),
          },
          {
            id: "status",
            label: t("columns.status"),
            optionLabel: (value) => (value === "active" ? t("active") : t("inactive")),
          },
        ]}
        empty={<EmptyState title={t("empty")} />}
      />
      <ManageUserDialog
        key={managed?.opening}
        user={page.rows.find((row) => row.id === managed?.id)}
        isSelf={managed?.id === currentUserId}
        onClose={() => setManaged(null)}
      />
    </>
  );
}
