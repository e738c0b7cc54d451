"use client";
// The Retry of one shipment's failed write to Shopify (its tracking, its hold): a form posting the
// shipment's id to the action, named with the order for screen readers ("Retry #1012").
import { RotateCw } from "lucide-react";
import { Button } from "@/components/ui/button";

export function RetryForm({
  shipmentId,
  action,
  pending,
  label,
  text,
}: {
  shipmentId: string;
  action: (formData: FormData) => void;
  pending: boolean;
  /** The accessible name, with the order. */
  label: string;
  text: string;
}) {
  return (
    <form action={action}>
      <input type="hidden" name="ids" value={shipmentId} />
      <Button type="submit" variant="ghost" size="sm" disabled={pending} aria-label={label}>
        <RotateCw className="size-3.5" aria-hidden />
        {text}
      </Button>
    </form>
  );
}
