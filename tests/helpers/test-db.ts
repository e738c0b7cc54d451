// A fresh, migrated database per test file: in-memory PGlite by default, or — when
// DATABASE_URL is set — a new PostgreSQL database with a random name, dropped afterwards.
import crypto from "node:crypto";
import postgres from "postgres";
import { openDb, type DbHandle } from "@/server/db/client";
import { migrateDb } from "@/server/db/migrate";

export interface TestDb extends DbHandle {
  cleanup(): Promise<void>;
}

export function testDatabaseName(prefix = "shipsmart_test"): string {
  return `${prefix}_${crypto.randomBytes(6).toString("hex")}`;
}

export async function createPostgresDatabase(baseUrl: string, name: string): Promise<string> {
  const admin = postgres(baseUrl, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`create database "${name}"`);
  } finally {
    await admin.end();
  }
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function dropPostgresDatabase(baseUrl: string, name: string): Promise<void> {
  const admin = postgres(baseUrl, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`drop database if exists "${name}" with (force)`);
  } finally {
    await admin.end();
  }
}

export async function createTestDb(): Promise<TestDb> {
  const baseUrl = process.env.DATABASE_URL;
  if (!baseUrl) {
    const handle = await openDb({ pgliteDir: "memory://" });
    await migrateDb(handle);
    return { ...handle, cleanup: () => handle.close() };
  }
  const name = testDatabaseName();
  const url = await createPostgresDatabase(baseUrl, name);
  const handle = await openDb({ databaseUrl: url });
  await migrateDb(handle);
  return {
    ...handle,
    async cleanup() {
      await handle.close();
      await dropPostgresDatabase(baseUrl, name);
    },
  };
}

export const driverName = process.env.DATABASE_URL ? "postgres" : "pglite";
