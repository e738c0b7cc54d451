// The 1M-shipment seed shared by the list-page benchmarks (bench:shipments, bench:load): 3 stores,
// the orders and one shipment per order, written with set-based SQL (INSERT … SELECT
// generate_series, in chunks of 250,000), then VACUUM ANALYZE. Deterministic: the same count gives
// the same rows.
import { sql, type SQL } from "drizzle-orm";
import { queryRows, type Db } from "../../src/server/db/client";
import { FIRST_NAMES, LAST_NAMES } from "./seed-names";

const SEED_CHUNK = 250_000;

// 15 destinations, all in DESTINATIONS (the destination filter's values), uniform.
const COUNTRIES = ["US", "CA", "MX", "AR", "CL", "GB", "DE", "FR", "PT", "ES", "IT", "NL", "CH", "JP", "AU"];
// Status mix (percent; thresholds in seedChunk): 70 ready, 15 pickup_scheduled, 10 shipped,
// 3 cancelled, 2 draft (drafts exist in the table but Shipment Management does not list them).
// Carrier mix: correios 35, fedex 25, ups 20, dhl 20 (every shipment has one). Stores: g % 3.
// Declared value = order total, 20.00–2,000.00 BRL. Recipient name = customer name.
// Pickups (when the schema has them): pickup_scheduled → today − 2 … today + 7, shipped → 1–3 days
// after creation; ready/cancelled/draft → none.
const SEED_DAYS = 180;
// "Today" as pickupCondition sees it (São Paulo's date).
const TODAY = sql.raw(`(now() at time zone 'America/Sao_Paulo')::date`);

function textArray(values: string[]) {
  return sql.raw(`(array[${values.map((value) => `'${value.replace(/'/g, "''")}'`).join(",")}]::text[])`);
}

/** Shared stores (3), referenced by every chunk. */
async function seedStores(db: Db): Promise<void> {
  await db.execute(sql`
    insert into stores (shop_domain, name, currency)
    values ('bench-1.myshopify.com', 'Loja Um', 'BRL'),
           ('bench-2.myshopify.com', 'Loja Dois', 'BRL'),
           ('bench-3.myshopify.com', 'Loja Três', 'BRL')`);
}

/** Whether the migrated schema has carrier pickups (shipments.pickup_id), seeded when present. */
export async function hasPickups(db: Db): Promise<boolean> {
  const rows = await queryRows(
    db,
    sql`select 1 from information_schema.columns where table_name = 'shipments' and column_name = 'pickup_id'`,
  );
  return rows.length > 0;
}

/** One scheduled pickup per store × carrier × day, from SEED_DAYS ago to a week ahead (São Paulo dates). */
async function seedPickups(db: Db): Promise<void> {
  await db.execute(sql`
    insert into pickups (store_id, carrier, pickup_date, ready_time, close_time, status, confirmation_number)
    select s.id, c.carrier, d.day, '09:00', '17:00', 'scheduled',
           upper(c.carrier) || '-' || to_char(d.day, 'YYYYMMDD') || '-' || s.n
    from (select id, row_number() over (order by shop_domain) n from stores) s
    cross join unnest(array['fedex', 'ups', 'dhl', 'correios']) c(carrier)
    cross join lateral (select ${TODAY} + offset_days as day from generate_series(-${SEED_DAYS + 1}::int, 7) offset_days) d`);
}

/**
 * The pickup of a pickup_scheduled shipment (today + [-2, 7] days: overdue, today, upcoming) or of
 * a shipped one (1–3 days after it was created); none for the other statuses.
 */
function pickupIdFor(storeId: SQL, carrier: SQL, status: SQL, createdAt: SQL, g: SQL): SQL {
  return sql`(
    select p.id from pickups p
    where p.store_id = ${storeId} and p.carrier = ${carrier}
      and p.pickup_date = case ${status}
        when 'pickup_scheduled' then ${TODAY} + (${g} % 10)::int - 2
        when 'shipped' then least(${createdAt}::date + 1 + (${g} % 3)::int, ${TODAY})
      end)`;
}

/**
 * One chunk, orders g ∈ [from, to] of `count` and their shipments, in one statement: the orders
 * insert returns what the shipments insert needs. hashint8extended(g, salt) gives independent,
 * deterministic pseudo-random spreads per column. created_at grows with g over SEED_DAYS (± 10
 * minutes), so the heap is in creation order like a table filled by daily syncs.
 */
async function seedChunk(db: Db, from: number, to: number, count: number, withPickups: boolean): Promise<void> {
  const pickupColumn = withPickups ? sql`, pickup_id` : sql``;
  const pickupValue = withPickups
    ? sql`, ${pickupIdFor(sql`o.store_id`, sql`ca.carrier`, sql`st.status`, sql`o.created_at`, sql`k.g`)}`
    : sql``;
  await db.execute(sql`
    with s as (select array_agg(id order by shop_domain) ids from stores),
    o as (
      insert into orders (store_id, shopify_gid, name, shopify_created_at, shopify_updated_at, currency,
                          total_price, customer_name, customer_email, shipping_country, shipping_address, lines,
                          created_at, updated_at)
      select s.ids[1 + g % 3],
             'gid://shopify/Order/' || (5000000000 + g),
             '#' || (100000 + g),
             t.ts, t.ts, 'BRL',
             (20 + abs(hashint8extended(g, 1)) % 198000 / 100.0)::numeric(14, 2),
             n.name,
             'customer' || g || '@example.com',
             c.country,
             jsonb_build_object('name', n.name, 'address1', 'Rua ' || g % 997 || ', ' || g % 1000,
                                'city', 'City ' || g % 211, 'zip', lpad((g % 99999)::text, 5, '0'),
                                'countryCode', c.country),
             jsonb_build_array(jsonb_build_object('sku', 'SKU-' || g % 500, 'title', 'Product ' || g % 500,
                                                  'quantity', 1 + g % 3, 'price', '49.90')),
             t.ts, t.ts
      from generate_series(${from}::int, ${to}::int) g
      cross join s
      cross join lateral (
        select now() - ((${count}::int - g) * ${(SEED_DAYS * 86400) / count}::float8 + abs(hashint8extended(g, 5)) % 600)
                       * interval '1 second' ts
      ) t
      cross join lateral (
        select ${textArray(FIRST_NAMES)}[1 + abs(hashint8extended(g, 2)) % ${FIRST_NAMES.length}] || ' ' ||
               ${textArray(LAST_NAMES)}[1 + abs(hashint8extended(g, 3)) % ${LAST_NAMES.length}] name
      ) n
      cross join lateral (
        select ${textArray(COUNTRIES)}[1 + abs(hashint8extended(g, 4)) % ${COUNTRIES.length}] country
      ) c
      returning id, store_id, name, total_price, customer_name, shipping_country, shipping_address, created_at
    )
    insert into shipments (order_id, store_id, status, carrier, service, missing_fields, nfe_key, declared_value,
                           currency, destination_country, recipient, parcels, customs_items, tracking_number,
                           created_at, updated_at ${pickupColumn})
    select o.id, o.store_id, st.status, ca.carrier, 'standard',
           case when st.status = 'draft' then '{hsCode}'::text[] else '{}'::text[] end,
           lpad((35240000000000 + k.g)::text, 44, '0'),
           o.total_price, 'BRL', o.shipping_country,
           o.shipping_address || jsonb_build_object('phone', '+55 11 9' || lpad((k.g % 100000000)::text, 8, '0')),
           '[{"weightKg": 1.2, "lengthCm": 30, "widthCm": 20, "heightCm": 10}]'::jsonb,
           jsonb_build_array(jsonb_build_object('description', 'Product', 'hsCode', '6109.10', 'quantity', 1,
                                                'unitValue', o.total_price::text, 'currency', 'BRL')),
           case when st.status in ('pickup_scheduled', 'shipped') then upper(ca.carrier) || k.g end,
           o.created_at, o.created_at ${pickupValue}
    from o
    cross join lateral (select substring(o.name from 2)::int - 100000 g) k
    cross join lateral (
      select (case when h < 70 then 'ready' when h < 85 then 'pickup_scheduled' when h < 95 then 'shipped'
                   when h < 98 then 'cancelled' else 'draft' end)::shipment_status status
      from (select abs(hashint8extended(k.g, 6)) % 100 h) x
    ) st
    cross join lateral (
      select case when h < 35 then 'correios' when h < 60 then 'fedex' when h < 80 then 'ups' else 'dhl' end carrier
      from (select abs(hashint8extended(k.g, 7)) % 100 h) x
    ) ca`);
}

/** Seeds `count` orders + shipments in chunks, then VACUUM ANALYZE (a settled table, as autovacuum leaves it). */
export async function seedShipments(db: Db, count: number): Promise<void> {
  await seedStores(db);
  const withPickups = await hasPickups(db);
  if (withPickups) await seedPickups(db);
  for (let from = 1; from <= count; from += SEED_CHUNK) {
    await seedChunk(db, from, Math.min(count, from + SEED_CHUNK - 1), count, withPickups);
  }
  // Booking a pickup copies its date onto the shipment (src/server/services/pickups.ts).
  if (withPickups) {
    await db.execute(sql`update shipments s set pickup_date = p.pickup_date from pickups p where p.id = s.pickup_id`);
  }
  await db.execute(sql`vacuum analyze`);
}

/** The signed-in operator of the page views (the layout reads their label format, the strip their saved views). */
export async function seedBenchUser(db: Db): Promise<void> {
  await db.execute(sql`
    insert into users (email, name, password_hash, role) values ('bench@example.com', 'Bench Operator', 'x', 'operator')`);
}

/**
 * Sync history: `perStore` finished runs per store, evenly spread over SEED_DAYS (newest now; 3 %
 * failed, a few manual), and one item per order in the run of its store that came just after the
 * order (created_ready, or created_draft for drafts), as a store's scheduled syncs import them.
 * Then VACUUM ANALYZE.
 */
export async function seedSyncRuns(db: Db, perStore: number): Promise<void> {
  const step = (SEED_DAYS * 86400) / perStore;
  await db.execute(sql`
    insert into sync_runs (store_id, trigger, status, started_at, finished_at, fetched, created, complete,
                           drafts, failed, error, error_code, created_at)
    select s.id,
           (case when r % 25 = 0 then 'manual' else 'schedule' end)::sync_trigger,
           (case when abs(hashint8extended(r, 8)) % 100 < 3 then 'failed' else 'succeeded' end)::sync_run_status,
           t.ts, t.ts + interval '20 seconds', 0, 0, 0, 0, 0, null, null, t.ts
    from stores s
    cross join generate_series(0, ${Math.floor(perStore) - 1}::int) r
    cross join lateral (select now() - r * ${step}::float8 * interval '1 second' ts) t`);
  await db.execute(sql`
    update sync_runs set error = 'Shopify answered 503', error_code = 'shopify_unavailable', failed = 1
    where status = 'failed'`);
  // The run of the order's store that started first at or after the order's creation.
  await db.execute(sql`
    insert into sync_run_items (run_id, order_gid, order_name, outcome, created_at)
    select r.id, o.shopify_gid, o.name,
           (case when sh.status = 'draft' then 'created_draft' else 'created_ready' end)::sync_item_outcome,
           r.created_at
    from orders o
    join shipments sh on sh.order_id = o.id
    cross join lateral (
      select id, created_at from sync_runs
      where store_id = o.store_id and created_at >= o.created_at
      order by created_at limit 1
    ) r`);
  await db.execute(sql`
    update sync_runs r set fetched = c.n, created = c.n, complete = c.n
    from (select run_id, count(*)::int n from sync_run_items group by run_id) c where c.run_id = r.id`);
  await db.execute(sql`vacuum analyze`);
}
