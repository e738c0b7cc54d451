// Shared plumbing for the command-line tools: open the configured database, migrate, run, close.
import { dbConfigFromEnv, openDb, type DbHandle } from "../server/db/client";
import { DataDirInUseError } from "../server/db/pglite-lock";
import { migrateDb } from "../server/db/migrate";

export async function withMigratedDb(fn: (handle: DbHandle) => Promise<void>): Promise<void> {
  const handle = await openDb(dbConfigFromEnv()).catch((error) => {
    if (error instanceof DataDirInUseError) fail(error.message);
    throw error;
  });
  try {
    await migrateDb(handle);
    await fn(handle);
  } finally {
    await handle.close();
  }
}

export function fail(message: string): never {
  console.error(`error: ${message}`);
  process.exit(1);
}

/** Reads a password from the terminal without echo; null when stdin is not a terminal. */
export async function promptPassword(question: string): Promise<string | null> {
  if (!process.stdin.isTTY) return null;
  const { createInterface } = await import("node:readline");
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
  const output = rl as unknown as { _writeToOutput: (text: string) => void };
  process.stdout.write(question);
  output._writeToOutput = () => {};
  const answer = await new Promise<string>((resolve) => rl.question("", resolve));
  rl.close();
  process.stdout.write("\n");
  return answer;
}
