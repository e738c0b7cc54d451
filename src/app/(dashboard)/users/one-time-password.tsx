"use client";
import { Check, Copy } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";

/** A generated password, shown once: it is never stored in clear and cannot be shown again. */
export function OneTimePassword({ password }: { password: string }) {
  const t = useTranslations("users");
  const [copied, setCopied] = useState(false);
  return (
    <div className="rounded-md border border-amber-200 bg-amber-50 p-3">
      <p className="mb-2 text-sm text-amber-900">{t("generatedPasswordNote")}</p>
      <div className="flex items-center gap-2">
        <code
          className="flex-1 rounded bg-white px-3 py-2 font-mono text-sm ring-1 ring-amber-200"
          data-testid="generated-password"
        >
          {password}
        </code>
        <Button
          variant="secondary"
          size="sm"
          onClick={async () => {
            await navigator.clipboard?.writeText(password).catch(() => {});
            setCopied(true);
          }}
        >
          {copied ? <Check className="size-4" aria-hidden /> : <Copy className="size-4" aria-hidden />}
          {copied ? t("copied") : t("copy")}
        </Button>
      </div>
    </div>
  );
}
