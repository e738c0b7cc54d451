"use server";
// Sign-out from the header's button. Open to any caller, signed in or not (an expired session must
// still be able to leave); server actions only accept same-origin posts, so no page elsewhere
// can sign a user out.
import { redirect } from "next/navigation";
import { endSession } from "@/server/auth/start-session";

export async function signOutAction(): Promise<void> {
  await endSession();
  redirect("/sign-in");
}
