// npm run user:password -- --email a@b.c [--password …] — sets (or generates) a user's password.
import { parseArgs } from "node:util";
import { emailSchema, passwordSchema } from "@/domain/users";
import { findUserByEmail } from "../server/queries/users";
import { resetUserPassword } from "../server/services/users";
import { fail, promptPassword, withMigratedDb } from "./run";

const { values } = parseArgs({ options: { email: { type: "string" }, password: { type: "string" } } });
const email = emailSchema.safeParse(values.email);
if (!email.success) fail("--email must be a valid email address");
const password = values.password ?? (await promptPassword("New password (empty to generate one): ")) ?? "";
if (password && !passwordSchema.safeParse(password).success) fail("the password needs at least 10 characters");

await withMigratedDb(async ({ db }) => {
  const user = await findUserByEmail(db, email.data);
  if (!user) fail(`no user with email ${email.data}`);
  const { generatedPassword } = await resetUserPassword(db, null, user.id, password || undefined);
  console.log(`Password changed for ${user.email}.`);
  if (generatedPassword) console.log(`Generated password (shown once): ${generatedPassword}`);
});
