"use client";
import { Plus } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field, Input } from "@/components/ui/field";
import { normalizeShopDomain } from "@/domain/shop-domain";

/** Asks for the store's address, then hands over to /auth/toplevel, which starts Shopify's OAuth. */
export function ConnectStoreDialog({ defaultOpen = false }: { defaultOpen?: boolean }) {
  const t = useTranslations("stores");
  const common = useTranslations("common");
  // Open on arrival when a link asked for it (?connect=1: the empty Shipment Management, a refused address).
  const [open, setOpen] = useState(defaultOpen);
  const [error, setError] = useState<string | null>(null);
  const [leaving, setLeaving] = useState(false);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const shop = normalizeShopDomain(String(new FormData(event.currentTarget).get("shop") ?? ""));
    if (!shop) {
      setError(t("shopInvalid"));
      return;
    }
    setLeaving(true);
    // /auth/toplevel is a route handler that leaves for Shopify, not a page: a full navigation.
    // eslint-disable-next-line @next/next/no-location-assign-relative-destination
    window.location.assign(`/auth/toplevel?shop=${encodeURIComponent(shop)}`);
  }

  return (
    <>
      <Button onClick={() => (setError(null), setOpen(true))}>
        <Plus className="size-4" aria-hidden />
        {t("connect")}
      </Button>
      <Dialog
        open={open}
        onClose={() => setOpen(false)}
        title={t("connect")}
        description={t("connectHint")}
        closeLabel={common("close")}
      >
        <form onSubmit={onSubmit} className="space-y-4" noValidate>
          <Field id="shop-domain" label={t("shopDomain")} error={error ?? undefined} hint={t("shopDomainHint")}>
            <Input
              id="shop-domain"
              name="shop"
              placeholder="minha-loja.myshopify.com"
              autoComplete="off"
              spellCheck={false}
              invalid={!!error}
              autoFocus
              required
            />
          </Field>
          <div className="flex justify-end gap-2">
            <Button variant="secondary" onClick={() => setOpen(false)}>
              {common("cancel")}
            </Button>
            <Button type="submit" disabled={leaving}>
              {leaving ? t("redirecting") : t("continueToShopify")}
            </Button>
          </div>
        </form>
      </Dialog>
    </>
  );
}
