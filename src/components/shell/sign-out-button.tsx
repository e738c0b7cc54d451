"use client";
import { LogOut } from "lucide-react";
import { signOut } from "next-auth/react";
import { useTranslations } from "next-intl";
import { Button } from "../ui/button";

export function SignOutButton() {
  const t = useTranslations("nav");
  return (
    <Button variant="ghost" size="sm" onClick={() => signOut({ callbackUrl: "/sign-in" })} aria-label={t("signOut")}>
      <LogOut className="size-4" aria-hidden />
      <span className="hidden sm:inline">{t("signOut")}</span>
    </Button>
  );
}
