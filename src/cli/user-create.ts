// npm run user:create -- --email a@b.c --role admin [--name "Ana"] [--password …]
// Without --password it asks on a terminal (empty answer = generate) or generates one.
import { parseArgs } from "node:util";
import { createUserSchema } from "@/domain/users";
import { AppError } from "../server/errors";
import { createUser } from "../server/services/users";
import { fail, promptPassword, withMigratedDb } from "./run";

const { values } = parseArgs({
  options: {
    email: { type: "string" },
    role: { type: "string", default: "operator" },
    name: { type: "string" },
    password: { type: "string" },
  },
});

if (!values.email) fail("--email is required, e.g. npm run user:create -- --email ana@store.com --role admin");
const password = values.password ?? (await promptPassword("Password (empty to generate one): ")) ?? undefined;
const parsed = createUserSchema.safeParse({
  email: values.email,
  role: values.role,
  name: values.name ?? values.email.split("@")[0],
  password: password || undefined,
});
if (!parsed.success) {
  fail(
    parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message.replace("errors.", "")}`).join("; "),
  );
}

await withMigratedDb(async ({ db }) => {
  try {
    const { user, generatedPassword } = await createUser(db, parsed.data, null);
    console.log(`Created ${user.role} ${user.email}.`);
    if (generatedPassword) console.log(`Generated password (shown once): ${generatedPassword}`);
  } catch (error) {
    if (error instanceof AppError && error.code === "errors.emailTaken")
      fail(`a user with email ${parsed.data.email} already exists`);
    throw error;
  }
});
