import "server-only";
// Sync runs are rows claimed in Postgres: at most one queued or running run per store (a partial
// unique index), so a second click or a second app instance joins the run that exists instead
// of starting another. Any instance (or `npm run worker`) may execute a queued run under a lease;
// a running run whose lease expired (a crash, a killed or stalled process) is taken over.
import crypto from "node:crypto";
import { and, eq, isNull, lt, or, sql } from "drizzle-orm";
import type { SyncTrigger } from "@/domain/sync";
import type { Db } from "../../db/client";
import { syncRuns, type SyncRun } from "../../db/schema";
import { activeRunOfStore } from "../../queries/sync-state";

/**
 * How long a claim holds a run without renewal. The worker renews it between pages, between bulk
 * batches and on every bulk poll (each at most seconds apart), so only a dead or stalled worker
 * lets it expire; then another worker may take the run over.
 */
export const LEASE_MS = 120_000;

/** A running run without a lease (claimed before leases existed) is presumed dead this long after its heartbeat. */
const STALE_AFTER_MS = 60_000;

function isUniqueViolation(error: unknown): boolean {
  const candidate = error as { code?: string; cause?: { code?: string } };
  return candidate?.code === "23505" || candidate?.cause?.code === "23505";
}

/** Queues a run for the store, or returns the one already queued or running (joined: true). */
export async function requestSync(
  db: Db,
  storeId: string,
  trigger: SyncTrigger,
  userId: string | null,
): Promise<{ run: SyncRun; joined: boolean }> {
  const existing = await activeRunOfStore(db, storeId);
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
    const raced = await activeRunOfStore(db, storeId);
    if (!raced) throw error;
    return { run: raced, joined: true };
  }
}

/**
 * What a worker holds while it executes a run: a random owner id per claim and the lease's length.
 * Every write of the run is conditional on the owner, so a worker whose run was taken over (its
 * lease expired while it stalled) cannot write anything more.
 */
export interface Lease {
  runId: string;
  owner: string;
  ms: number;
}

/** This worker's lease was taken over: it stops at once and leaves the run to the new owner. */
export class LeaseLostError extends Error {
  constructor(runId: string) {
    super(`The lease of sync run ${runId} was taken over by another worker.`);
  }
}

/** Runs another worker may take: queued, or running with an expired lease (or, from before leases, a stale heartbeat). */
function claimable(now: Date) {
  const stale = new Date(now.getTime() - STALE_AFTER_MS);
  return or(
    eq(syncRuns.status, "queued"),
    and(
      eq(syncRuns.status, "running"),
      or(
        lt(syncRuns.leaseExpiresAt, now),
        and(isNull(syncRuns.leaseExpiresAt), or(isNull(syncRuns.heartbeatAt), lt(syncRuns.heartbeatAt, stale))),
      ),
    ),
  );
}

/**
 * Takes a run for execution with a fresh lease: a queued one, or a running one whose lease
 * expired. Returns null when another worker holds it — the conditional update is the lock.
 */
export async function claimRun(
  db: Db,
  runId: string,
  now = new Date(),
  leaseMs = LEASE_MS,
): Promise<{ run: SyncRun; lease: Lease } | null> {
  const owner = crypto.randomUUID();
  const [run] = await db
    .update(syncRuns)
    // Dates inside raw SQL go as ISO text: postgres.js cannot infer a parameter type there.
    .set({
      status: "running",
      startedAt: sql`coalesce(${syncRuns.startedAt}, ${now.toISOString()}::timestamptz)`,
      heartbeatAt: now,
      leaseOwner: owner,
      leaseExpiresAt: new Date(now.getTime() + leaseMs),
    })
    .where(and(eq(syncRuns.id, runId), claimable(now)))
    .returning();
  return run ? { run, lease: { runId, owner, ms: leaseMs } } : null;
}

/** Extends the lease from `now`; throws LeaseLostError when another worker owns the run now. */
export async function renewLease(db: Db, lease: Lease, now = new Date()): Promise<void> {
  const renewed = await db
    .update(syncRuns)
    .set({ heartbeatAt: now, leaseExpiresAt: new Date(now.getTime() + lease.ms) })
    .where(and(eq(syncRuns.id, lease.runId), eq(syncRuns.leaseOwner, lease.owner), eq(syncRuns.status, "running")))
    .returning({ id: syncRuns.id });
  if (renewed.length === 0) throw new LeaseLostError(lease.runId);
}

/** Runs that need a worker: queued ones, and running ones whose lease expired (a dead or stalled process). */
export async function runsToExecute(db: Db, now = new Date()): Promise<string[]> {
  const rows = await db.select({ id: syncRuns.id }).from(syncRuns).where(claimable(now)).orderBy(syncRuns.createdAt);
  return rows.map((row) => row.id);
}

/** Ends the run, if `lease` still holds it; false when another worker took it over. */
export async function finishRun(
  db: Db,
  lease: Lease,
  outcome: { status: "succeeded" } | { status: "failed"; error: string; errorCode: string },
): Promise<boolean> {
  const finished = await db
    .update(syncRuns)
    .set({
      status: outcome.status,
      finishedAt: sql`now()`,
      heartbeatAt: sql`now()`,
      leaseExpiresAt: null,
      error: outcome.status === "failed" ? outcome.error : null,
      errorCode: outcome.status === "failed" ? outcome.errorCode : null,
    })
    .where(and(eq(syncRuns.id, lease.runId), eq(syncRuns.leaseOwner, lease.owner), eq(syncRuns.status, "running")))
    .returning({ id: syncRuns.id });
  return finished.length > 0;
}
