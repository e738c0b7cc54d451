import { LogOut } from "lucide-react";
import { useTranslations } from "next-intl";
import { Button } from "../ui/button";

/** A form posting to the sign-out action: works before hydration and ships no JavaScript of its own. */
export function SignOutButton({ action }: { action: () => Promise<void> }) {
  const t = useTranslations("nav");
  return (
    <form action={action}>
      <Button type="submit" variant="ghost" size="sm" aria-label={t("signOut")}>
        <LogOut className="size-4" aria-hidden />
        <span className="hidden sm:inline">{t("signOut")}</span>
      </Button>
    </form>
  );
}
