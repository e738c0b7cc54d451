// Webhook deliveries as Shopify makes them: a JSON body signed with the app secret
// (base64 HMAC-SHA256 in X-Shopify-Hmac-Sha256), the topic and shop in headers, one webhook id
// per event kept across retries, and retries with backoff while the app answers non-2xx.
import crypto from "node:crypto";
import type { EmuOrder } from "./model";
import { ADMIN_API_VERSION } from "./schema";
import type { EmulatorState, ShopState } from "./state";

const TOPICS: Record<string, string> = {
  ORDERS_CREATE: "orders/create",
  ORDERS_UPDATED: "orders/updated",
  ORDERS_CANCELLED: "orders/cancelled",
  ORDERS_FULFILLED: "orders/fulfilled",
  APP_UNINSTALLED: "app/uninstalled",
  BULK_OPERATIONS_FINISH: "bulk_operations/finish",
};

export function topicHeader(enumValue: string): string {
  return TOPICS[enumValue] ?? enumValue.toLowerCase().replace("_", "/");
}

export function signWebhook(body: string, secret: string): string {
  return crypto.createHmac("sha256", secret).update(body, "utf8").digest("base64");
}

export interface DeliveryRecord {
  webhookId: string;
  topic: string;
  shop: string;
  uri: string;
  attempts: number;
  lastStatus: number | null;
  delivered: boolean;
  at: string;
}

export interface WebhookOptions {
  /** First retry after this many ms, doubling each time. */
  retryBaseMs: number;
  maxAttempts: number;
}

export class WebhookDispatcher {
  readonly deliveries: DeliveryRecord[] = [];
  private pending = new Set<Promise<void>>();

  constructor(
    private state: EmulatorState,
    private options: WebhookOptions = { retryBaseMs: 1000, maxAttempts: 5 },
  ) {}

  /** Sends `payload` to every subscription of `shop` for `topicEnum`; resolves once queued. */
  emit(shop: ShopState, topicEnum: string, payload: unknown) {
    for (const subscription of shop.webhooks.filter((sub) => sub.topic === topicEnum)) {
      const record: DeliveryRecord = {
        webhookId: crypto.randomUUID(),
        topic: topicHeader(topicEnum),
        shop: shop.profile.domain,
        uri: subscription.uri,
        attempts: 0,
        lastStatus: null,
        delivered: false,
        at: new Date().toISOString(),
      };
      this.deliveries.push(record);
      if (this.deliveries.length > 2_000) this.deliveries.splice(0, this.deliveries.length - 2_000);
      const promise = this.deliver(record, JSON.stringify(payload)).finally(() => this.pending.delete(promise));
      this.pending.add(promise);
    }
  }

  /** Resolves when every delivery in flight has succeeded or given up (tests use this). */
  async settle() {
    while (this.pending.size > 0) await Promise.allSettled([...this.pending]);
  }

  private async deliver(record: DeliveryRecord, body: string) {
    const headers = {
      "Content-Type": "application/json",
      "X-Shopify-Topic": record.topic,
      "X-Shopify-Shop-Domain": record.shop,
      "X-Shopify-API-Version": ADMIN_API_VERSION,
      "X-Shopify-Webhook-Id": record.webhookId,
      "X-Shopify-Event-Id": record.webhookId,
      "X-Shopify-Triggered-At": record.at,
      "X-Shopify-Hmac-Sha256": signWebhook(body, this.state.app.apiSecret),
      "User-Agent": "Shopify-Captain-Hook",
    };
    for (let attempt = 0; attempt < this.options.maxAttempts; attempt++) {
      if (attempt > 0)
        await new Promise((resolve) => setTimeout(resolve, this.options.retryBaseMs * 2 ** (attempt - 1)));
      record.attempts = attempt + 1;
      try {
        const response = await fetch(record.uri, { method: "POST", headers, body, signal: AbortSignal.timeout(5_000) });
        record.lastStatus = response.status;
        await response.body?.cancel();
        if (response.ok) {
          record.delivered = true;
          return;
        }
      } catch {
        record.lastStatus = null;
      }
    }
  }
}

const snake = (address: EmuOrder["shippingAddress"]) =>
  address && {
    first_name: address.firstName,
    last_name: address.lastName,
    name: address.name,
    company: address.company,
    address1: address.address1,
    address2: address.address2,
    city: address.city,
    province: address.province,
    province_code: address.provinceCode,
    country: address.country,
    country_code: address.countryCode,
    zip: address.zip,
    phone: address.phone,
  };

/** The REST representation Shopify sends with orders/* webhooks (the fields apps rely on). */
export function orderWebhookPayload(order: EmuOrder) {
  return {
    id: order.id,
    admin_graphql_api_id: `gid://shopify/Order/${order.id}`,
    name: order.name,
    order_number: Number(order.name.replace(/\D/g, "")),
    created_at: order.createdAt,
    updated_at: order.updatedAt,
    processed_at: order.processedAt,
    cancelled_at: order.cancelledAt,
    closed_at: order.closedAt,
    financial_status: order.financialStatus.toLowerCase(),
    fulfillment_status: order.fulfillmentStatus === "FULFILLED" ? "fulfilled" : null,
    currency: order.currency,
    total_price: order.totalPrice,
    email: order.email,
    phone: order.phone,
    test: order.test,
    shipping_address: snake(order.shippingAddress),
    line_items: order.lineItems.map((line) => ({
      id: line.id,
      admin_graphql_api_id: `gid://shopify/LineItem/${line.id}`,
      title: line.title,
      sku: line.sku,
      quantity: line.quantity,
      price: line.unitPrice,
      grams: line.weight
        ? Math.round(line.weight.unit === "KILOGRAMS" ? line.weight.value * 1000 : line.weight.value)
        : 0,
      requires_shipping: line.requiresShipping,
    })),
    shipping_lines: order.shippingLines.map((line) => ({
      id: line.id,
      title: line.title,
      code: line.code,
      price: line.price,
    })),
  };
}
