// What the load benchmark (bench:load) adds to the 1M-shipment seed of seed-shipments.ts: the
// operators who browse (signed in with minted session cookies, so their password hash is never
// checked) and a Sync history to page through — runs of every store, status and trigger, each with
// its items. Set-based SQL, deterministic like the shipments seed.
import { sql } from "drizzle-orm";
import { queryRows, type Db } from "../../src/server/db/client";

export interface LoadOperator {
  id: string;
  email: string;
  name: string;
  sessionVersion: number;
}

/** `count` active operators, operator-1@load.test …; returns them for their session cookies. */
export async function seedOperators(db: Db, count: number): Promise<LoadOperator[]> {
  return queryRows<LoadOperator>(
    db,
    sql`insert into users (email, name, password_hash, role, locale)
        select 'operator-' || n || '@load.test', 'Operator ' || n, 'not-a-password-hash', 'operator', 'en'
        from generate_series(1, ${count}::int) n
        returning id, email, name, session_version as "sessionVersion"`,
  );
}

/** The operators of an earlier seed (a kept database). */
export async function loadOperators(db: Db): Promise<LoadOperator[]> {
  return queryRows<LoadOperator>(
    db,
    sql`select id, email, name, session_version as "sessionVersion" from users
        where email like '%@load.test' order by created_at, email`,
  );
}

/**
 * `runs` finished sync runs spread over the stores and the last 90 days (90 % succeeded, 10 %
 * failed; manual, webhook and schedule), each with `itemsPerRun` items (mostly created, some skipped
 * and failed), so Sync history has pages, filters and order look-ups to serve.
 */
export async function seedSyncHistory(db: Db, runs: number, itemsPerRun: number): Promise<void> {
  await db.execute(sql`
    with s as (select array_agg(id order by shop_domain) ids, count(*)::int n from stores),
    r as (
      insert into sync_runs (store_id, trigger, status, started_at, finished_at, fetched, created, updated, drafts,
                             complete, skipped_no_address, failed, error, error_code, created_at)
      select s.ids[1 + g % s.n],
             (array['manual', 'webhook', 'schedule']::sync_trigger[])[1 + g % 3],
             case when g % 10 = 0 then 'failed' else 'succeeded' end::sync_run_status,
             t.ts, t.ts + interval '40 seconds',
             ${itemsPerRun}, ${itemsPerRun} - 2, 1, 1, ${itemsPerRun} - 3, 1, case when g % 10 = 0 then 1 else 0 end,
             case when g % 10 = 0 then 'Shopify answered 503' end,
             case when g % 10 = 0 then 'shopify_unavailable' end,
             t.ts
      from generate_series(1, ${runs}::int) g
      cross join s
      cross join lateral (select now() - (${runs}::int - g) * (interval '90 days' / ${runs}::int) ts) t
      returning id, created_at
    )
    insert into sync_run_items (run_id, order_gid, order_name, outcome, reason, created_at)
    select r.id, 'gid://shopify/Order/' || (5000000000 + i.n), '#' || (100000 + i.n),
           (case when i.k = 0 then 'skipped_no_address' when i.k = 1 then 'failed'
                 when i.k = 2 then 'updated' when i.k % 4 = 0 then 'created_draft' else 'created_ready' end)::sync_item_outcome,
           case when i.k = 1 then 'storage_failed' end,
           r.created_at
    from r
    cross join lateral (
      select k, (extract(epoch from r.created_at)::bigint * 7 + k) % 1000000 + 1 n
      from generate_series(0, ${itemsPerRun}::int - 1) k
    ) i`);
  await db.execute(sql`analyze sync_runs`);
  await db.execute(sql`analyze sync_run_items`);
}
