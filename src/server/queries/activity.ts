import "server-only";
// A shipment's activity log, read from what the database already keeps (docs/ARCHITECTURE.md,
// "Data model"): its audit events (edits, quotes, documents, voids, Shopify write-back, tracking
// verdicts) and those of the pickups it was on, the sync run items of its order, its carrier's
// tracking events, its failed label purchases, and Shopify's cancellation of its order. One UNION
// ALL, newest first, paged by keyset on (time, key): `before` is the last entry of the previous
// page, so a page never repeats or skips an entry while new ones arrive.
import { sql } from "drizzle-orm";
import { toActivityEntry, type ActivityEntry } from "@/domain/activity";
import { queryRows, type Db } from "../db/client";

const ACTIVITY_PAGE_SIZE = 20;

export interface ActivityCursor {
  /** The entry's time exactly as PostgreSQL wrote it (microseconds: a JS Date would round them). */
  at: string;
  key: string;
}

export interface ActivityPage {
  entries: ActivityEntry[];
  /** Where the next (older) page starts; null when this is the oldest. */
  older: ActivityCursor | null;
}

interface Row {
  at_ms: number | string;
  at_text: string;
  key: string;
  source: string;
  actor_name: string | null;
  data: unknown;
}

/** The cursor as it travels in a URL: base64url of its JSON. */
export function encodeActivityCursor(cursor: ActivityCursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString("base64url");
}

/** A cursor read back from a URL; null for anything that is not one (the log then starts at the newest). */
export function decodeActivityCursor(text: string | undefined): ActivityCursor | null {
  if (!text || text.length > 200) return null;
  try {
    const value: unknown = JSON.parse(Buffer.from(text, "base64url").toString("utf8"));
    if (value === null || typeof value !== "object") return null;
    const { at, key } = value as Record<string, unknown>;
    if (typeof at !== "string" || typeof key !== "string") return null;
    if (!/^\d{4}-\d{2}-\d{2}[ T][\d:.]+([+-]\d{2}(:?\d{2})?|Z)$/.test(at) || !/^[a-z]:[\w-]{1,40}$/.test(key))
      return null;
    return { at, key };
  } catch {
    return null;
  }
}

/** One page of the log of `shipmentId`, newest first (empty when the shipment does not exist). */
export async function shipmentActivity(
  db: Db,
  shipmentId: string,
  options: { before?: ActivityCursor | null; limit?: number } = {},
): Promise<ActivityPage> {
  const limit = options.limit ?? ACTIVITY_PAGE_SIZE;
  const before = options.before
    ? sql`where (activity.at, activity.key) < (${options.before.at}::timestamptz, ${options.before.key})`
    : sql``;
  // Keys sort within one instant: a source letter, then the row's id (padded, so 9 < 10).
  const rows = await queryRows<Row>(
    db,
    sql`
    with subject as (
      select s.id, s.store_id, s.pickup_id, s.carrier, s.created_at, s.cancelled_in_shopify_at, o.shopify_gid
      from shipments s join orders o on o.id = s.order_id
      where s.id = ${shipmentId}
    )
    select (extract(epoch from activity.at) * 1000)::float8 as at_ms, activity.at::text as at_text, activity.key, activity.source, activity.actor_name, activity.data
    from (
      select ae.created_at as at, 'a:' || lpad(ae.id::text, 19, '0') as key, 'audit' as source,
        u.name as actor_name,
        jsonb_build_object('action', ae.action, 'before', ae.before, 'after', ae.after) as data
      from audit_events ae
      cross join subject
      left join users u on u.id = ae.actor_id
      where (ae.entity_type = 'shipment' and ae.entity_id = subject.id::text)
        or (ae.entity_type = 'pickup' and (
          coalesce(ae.after -> 'shipmentIds', '[]'::jsonb) @> jsonb_build_array(subject.id::text)
          -- Pickups audited before they named their shipments: the one the shipment is on.
          or (ae.after -> 'shipmentIds' is null and ae.entity_id = subject.pickup_id::text)))
      union all
      select sri.created_at, 's:' || lpad(sri.id::text, 19, '0'), 'sync', u.name,
        jsonb_build_object('outcome', sri.outcome, 'reason', sri.reason, 'runId', sr.id, 'trigger', sr.trigger)
      from sync_run_items sri
      join sync_runs sr on sr.id = sri.run_id
      join subject on subject.store_id = sr.store_id and subject.shopify_gid = sri.order_gid
      left join users u on u.id = sr.triggered_by
      union all
      select te.occurred_at, 't:' || lpad(te.id::text, 19, '0'), 'tracking', null,
        jsonb_build_object('status', te.status, 'code', te.carrier_code, 'description', te.description,
          'location', te.location, 'shopifyEventId', te.shopify_event_id, 'shopifyError', te.shopify_error,
          'carrier', subject.carrier)
      from tracking_events te
      join subject on subject.id = te.shipment_id
      union all
      select coalesce(lp.completed_at, lp.requested_at), 'l:' || lp.id::text, 'label', u.name,
        jsonb_build_object('carrier', lp.carrier, 'attempt', lp.attempt, 'error', lp.error)
      from label_purchases lp
      join subject on subject.id = lp.shipment_id
      left join users u on u.id = lp.requested_by
      where lp.status = 'failed'
      union all
      select subject.cancelled_in_shopify_at, 'c:' || subject.id::text, 'cancelled', null, '{}'::jsonb
      from subject
      where subject.cancelled_in_shopify_at is not null
      union all
      -- A shipment no sync item speaks of (imported before sync items were kept): when it was created.
      select subject.created_at, 'n:' || subject.id::text, 'created', null, '{}'::jsonb
      from subject
      where not exists (
        select 1 from sync_run_items sri join sync_runs sr on sr.id = sri.run_id
        where sr.store_id = subject.store_id and sri.order_gid = subject.shopify_gid)
    ) activity
    ${before}
    order by activity.at desc, activity.key desc
    limit ${limit + 1}
  `,
  );
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    entries: page.map((row) =>
      toActivityEntry({
        source: row.source,
        key: row.key,
        at: new Date(Number(row.at_ms)),
        actorName: row.actor_name,
        data: typeof row.data === "string" ? JSON.parse(row.data) : row.data,
      }),
    ),
    older: rows.length > limit && last ? { at: last.at_text, key: last.key } : null,
  };
}
