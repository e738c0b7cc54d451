// The demo accounts of the embedded default: created only on an empty users table, with
// random passwords that are returned once for printing and never stored in clear.
import type { Db } from "../db/client";
import type { Role } from "@/domain/users";
import { generatePassword } from "../auth/password";
import { countUsers } from "../queries/users";
import { createUser } from "./users";

const DEMO_ACCOUNTS: { email: string; name: string; role: Role }[] = [
  { email: "admin@shipsmart.local", name: "Ana Admin", role: "admin" },
  { email: "operator@shipsmart.local", name: "Otávio Operador", role: "operator" },
];

export async function seedDemoUsers(db: Db): Promise<{ email: string; role: Role; password: string }[]> {
  if ((await countUsers(db)) > 0) return [];
  const created = [];
  for (const account of DEMO_ACCOUNTS) {
    const password = generatePassword();
    await createUser(db, { ...account, password }, null);
    created.push({ email: account.email, role: account.role, password });
  }
  return created;
}
