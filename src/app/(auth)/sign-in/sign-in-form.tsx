"use client";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Alert } from "@/components/ui/card";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";
import { signInAction } from "./actions";

/**
 * A server action form: before (or without) JavaScript the browser POSTs it to this page and the
 * answer is the page again with the error, or a redirect once signed in; the credentials are
 * always in the request body, never in the URL.
 */
export function SignInForm({ returnTo }: { returnTo: string }) {
  const t = useTranslations("signIn");
  const [state, formAction, pending] = useActionState(signInAction, null);

  return (
    <form action={formAction} className="space-y-4" noValidate>
      {/* Hidden while a new attempt runs, so the message shown is always this attempt's. */}
      {state?.error && !pending ? <Alert tone="error">{state.error}</Alert> : null}
      <input type="hidden" name="callbackUrl" value={returnTo} />
      <Field id="email" label={t("email")}>
        <Input
          id="email"
          name="email"
          type="email"
          autoComplete="username"
          defaultValue={state?.email}
          required
          autoFocus
        />
      </Field>
      <Field id="password" label={t("password")}>
        <Input id="password" name="password" type="password" autoComplete="current-password" required />
      </Field>
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? t("submitting") : t("submit")}
      </Button>
    </form>
  );
}
