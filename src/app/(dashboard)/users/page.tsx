import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { parseTableState, type SearchParams } from "@/lib/table/params";
import { PageHeader } from "@/components/ui/card";
import { requireRole } from "@/server/auth/session";
import { getDb } from "@/server/db/client";
import { listUsers, usersTable } from "@/server/queries/users";
import { CreateUserDialog } from "./create-user-dialog";
import { UsersTable } from "./users-table";
import { SavedViewsBar } from "../saved-views";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("users"))("title") };
}

export default async function UsersPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const me = await requireRole("admin", "/users");
  const state = parseTableState(await searchParams, usersTable);
  const [page, t] = await Promise.all([listUsers(await getDb(), state), getTranslations("users")]);
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} actions={<CreateUserDialog />} />
      <SavedViewsBar table="users" />
      <UsersTable page={{ ...page, state, spec: usersTable }} currentUserId={me.id} />
    </>
  );
}
