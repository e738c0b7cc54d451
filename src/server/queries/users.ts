import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { defineTable, type StateOf } from "@/lib/table/params";
import type { LabelFormat } from "@/domain/statuses";
import { ROLES } from "@/domain/users";
import type { Db } from "../db/client";
import { users } from "../db/schema";
import { buildTableQuery, countAll, tableQuery, type Page } from "./table-query";

export const usersTable = defineTable({
  sortable: ["name", "email", "role", "lastSignInAt", "createdAt"],
  defaultSort: { id: "createdAt", desc: true },
  filters: { role: ROLES, status: ["active", "inactive"] },
});

const listColumns = {
  id: users.id,
  name: users.name,
  email: users.email,
  role: users.role,
  active: users.active,
  locale: users.locale,
  lastSignInAt: users.lastSignInAt,
  createdAt: users.createdAt,
};

export type UserRow = {
  id: string;
  name: string;
  email: string;
  role: (typeof ROLES)[number];
  active: boolean;
  locale: string | null;
  lastSignInAt: Date | null;
  createdAt: Date;
};

const usersQuery = tableQuery(usersTable, {
  sort: {
    name: users.name,
    email: users.email,
    role: users.role,
    lastSignInAt: users.lastSignInAt,
    createdAt: users.createdAt,
  },
  filters: { role: users.role, status: sql`case when ${users.active} then 'active' else 'inactive' end` },
  search: [users.name, users.email],
  tiebreaker: users.id,
});

export async function listUsers(db: Db, state: StateOf<typeof usersTable>): Promise<Page<UserRow>> {
  const query = buildTableQuery(state, usersQuery);
  const [rows, [{ total }]] = await Promise.all([
    db
      .select(listColumns)
      .from(users)
      .where(query.where)
      .orderBy(...query.orderBy)
      .limit(query.limit)
      .offset(query.offset),
    db.select({ total: countAll }).from(users).where(query.where),
  ]);
  return { rows, rowCount: total };
}

export async function findUserById(db: Db, id: string) {
  const [user] = await db.select().from(users).where(eq(users.id, id)).limit(1);
  return user;
}

export async function findUserByEmail(db: Db, email: string) {
  const [user] = await db
    .select()
    .from(users)
    .where(sql`lower(${users.email}) = ${email.toLowerCase()}`)
    .limit(1);
  return user;
}

export async function countActiveAdmins(db: Db): Promise<number> {
  const [{ total }] = await db
    .select({ total: countAll })
    .from(users)
    .where(and(eq(users.role, "admin"), eq(users.active, true)));
  return total;
}

export async function countUsers(db: Db): Promise<number> {
  const [{ total }] = await db.select({ total: countAll }).from(users);
  return total;
}

/** The user's print preference: labels are bought and downloaded in it (PDF for an unknown user). */
export async function userLabelFormat(db: Db, userId: string): Promise<LabelFormat> {
  const [row] = await db.select({ labelFormat: users.labelFormat }).from(users).where(eq(users.id, userId));
  return row?.labelFormat ?? "pdf";
}
