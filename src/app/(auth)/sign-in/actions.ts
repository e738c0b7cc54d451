"use server";
// Signing in is the other action outside authedAction (with switchLocale): nobody is signed in yet.
// The form posts here with or without JavaScript; Next checks the request's Origin for actions.
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { submitSignInForm } from "@/server/auth/sign-in-form";

export interface SignInState {
  error: string;
  email: string;
}

export async function signInAction(_previous: SignInState | null, formData: FormData): Promise<SignInState> {
  const result = await submitSignInForm(formData);
  if (result.ok) redirect(result.returnTo);
  const t = await getTranslations("signIn");
  return {
    error: t(result.reason === "rate_limited" ? "rateLimited" : "invalidCredentials"),
    email: result.email,
  };
}
