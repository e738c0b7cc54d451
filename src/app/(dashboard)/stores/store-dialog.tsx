"use client";
// One store's form in a dialog (Shipper details, Customs defaults & test orders): open while a
// store is chosen, titled with the form's name and described with the store's.
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { Dialog } from "@/components/ui/dialog";
import type { StoreRow } from "@/server/queries/stores";

export interface StoreDialogProps {
  store: StoreRow | undefined;
  onClose: () => void;
  onDone: (message: string) => void;
}

export function StoreDialog({
  store,
  onClose,
  title,
  description,
  children,
}: {
  store: StoreRow | undefined;
  onClose: () => void;
  title: string;
  description: (store: StoreRow) => string;
  children: (store: StoreRow) => ReactNode;
}) {
  const common = useTranslations("common");
  return (
    <Dialog
      open={!!store}
      onClose={onClose}
      title={title}
      description={store ? description(store) : undefined}
      closeLabel={common("close")}
    >
      {store ? children(store) : null}
    </Dialog>
  );
}
