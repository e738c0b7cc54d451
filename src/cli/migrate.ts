// npm run db:migrate — applies the committed migrations to DATABASE_URL (or the embedded database).
import { withMigratedDb } from "./run";

await withMigratedDb(async (handle) => {
  console.log(`Migrations applied (${handle.driver}).`);
});
