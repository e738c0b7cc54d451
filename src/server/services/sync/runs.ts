import "server-only";
// Sync runs are rows claimed in Postgres: at most one queued or running run per store (a partial
// unique index), so a second click or a second app instance joins the run that exists instead
// of starting another. Any instance (or `npm run worker`) may execute a queued run; a running
// run whose heartbeat stopped (a crash, a killed process) is picked up again.
import { and, eq, inArray, lt, or, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { syncRuns, type SyncRun } from "../../db/schema";

export type SyncTrigger = "manual" | "webhook" | "schedule";

/** A running run whose heartbeat is older than this is presumed dead and may be resumed. */
export const STALE_AFTER_MS = 60_000;

function isUniqueViolation(error: unknown): boolean {
  const candidate = error as { code?: string; cause?: { code?: string } };
  return candidate?.code === "23505" || candidate?.cause?.code === "23505";
}

async function activeRun(db: Db, storeId: string): Promise<SyncRun | undefined> {
  const [run] = await db
    .select()
    .from(syncRuns)
    .where(and(eq(syncRuns.storeId, storeId), inArray(syncRuns.status, ["queued", "running"])))
    .limit(1);
  return run;
}

/** Queues a run for the store, or returns the one already queued or running (joined: true). */
export async function requestSync(
  db: Db,
  storeId: string,
  trigger: SyncTrigger,
  userId: string | null,
): Promise<{ run: SyncRun; joined: boolean }> {
  const existing = await activeRun(db, storeId);
  if (existing) return { run: existing, joined: true };
  try {
    const [run] = await db
      .insert(syncRuns)
      .values({ storeId, trigger, triggeredBy: userId, status: "queued" })
      .returning();
    return { run, joined: false };
  } catch (error) {
    // Someone queued one between our look and our insert: join theirs.
    if (!isUniqueViolation(error)) throw error;
    const raced = await activeRun(db, storeId);
    if (!raced) throw error;
    return { run: raced, joined: true };
  }
}

/**
 * Takes a run for execution: a queued one, or a running one whose heartbeat is stale. Returns
 * null when another worker holds it — the update is the lock.
 */
export async function claimRun(db: Db, runId: string, now = new Date()): Promise<SyncRun | null> {
  const stale = new Date(now.getTime() - STALE_AFTER_MS);
  const [run] = await db
    .update(syncRuns)
    // Dates inside raw SQL go as ISO text: postgres.js cannot infer a parameter type there.
    .set({
      status: "running",
      startedAt: sql`coalesce(${syncRuns.startedAt}, ${now.toISOString()}::timestamptz)`,
      heartbeatAt: now,
    })
    .where(
      and(
        eq(syncRuns.id, runId),
        or(eq(syncRuns.status, "queued"), and(eq(syncRuns.status, "running"), lt(syncRuns.heartbeatAt, stale))),
      ),
    )
    .returning();
  return run ?? null;
}

/** Runs that need a worker: queued ones, and running ones left behind by a dead process. */
export async function runsToExecute(db: Db, now = new Date()): Promise<string[]> {
  const stale = new Date(now.getTime() - STALE_AFTER_MS);
  const rows = await db
    .select({ id: syncRuns.id })
    .from(syncRuns)
    .where(or(eq(syncRuns.status, "queued"), and(eq(syncRuns.status, "running"), lt(syncRuns.heartbeatAt, stale))))
    .orderBy(syncRuns.createdAt);
  return rows.map((row) => row.id);
}

export async function finishRun(
  db: Db,
  runId: string,
  outcome: { status: "succeeded" } | { status: "failed"; error: string; errorCode: string },
) {
  await db
    .update(syncRuns)
    .set({
      status: outcome.status,
      finishedAt: sql`now()`,
      heartbeatAt: sql`now()`,
      error: outcome.status === "failed" ? outcome.error : null,
      errorCode: outcome.status === "failed" ? outcome.errorCode : null,
    })
    .where(eq(syncRuns.id, runId));
}

export async function getRun(db: Db, runId: string): Promise<SyncRun | undefined> {
  const [run] = await db.select().from(syncRuns).where(eq(syncRuns.id, runId));
  return run;
}
