import "server-only";
// The route-handler counterpart of authedAction: session → role → handler. A signed-out
// visitor is sent to sign-in and back to the same URL; a user without the role gets a 403 page.
import { getTranslations } from "next-intl/server";
import { NextResponse, type NextRequest } from "next/server";
import type { Role } from "@/domain/users";
import { resolveLocale } from "@/i18n/locale";
import { errorPage } from "../http/error-page";
import { appUrl } from "../env";
import { getCurrentUser, hasRole, type CurrentUser } from "./session";

export function authedRoute(
  role: Role,
  handler: (request: NextRequest, user: CurrentUser) => Promise<Response>,
  options: { api?: boolean } = {},
): (request: NextRequest) => Promise<Response> {
  return async (request) => {
    const user = await getCurrentUser();
    // JSON endpoints answer with a status; pages send people where they can act.
    if (options.api && (!user || !hasRole(user, role))) {
      return Response.json({ error: user ? "forbidden" : "unauthorized" }, { status: user ? 403 : 401 });
    }
    if (!user) {
      const signIn = new URL("/sign-in", appUrl());
      signIn.searchParams.set("callbackUrl", `${request.nextUrl.pathname}${request.nextUrl.search}`);
      return NextResponse.redirect(signIn);
    }
    if (!hasRole(user, role)) {
      const t = await getTranslations({ locale: await resolveLocale(), namespace: "errorPages" });
      return errorPage(403, {
        lang: await resolveLocale(),
        title: t("forbiddenTitle"),
        message: t("forbiddenBody"),
        linkHref: "/stores",
        linkLabel: t("backToStores"),
      });
    }
    return handler(request, user);
  };
}
