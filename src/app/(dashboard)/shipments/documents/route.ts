// GET /shipments/documents?ids=a,b&kind=all|labels|invoices — the issued label and commercial
// invoice of the shipments as one PDF (the bytes stored when they were issued, merged in order).
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { resolveLocale } from "@/i18n/locale";
import { authedRoute } from "@/server/auth/route";
import { getDb } from "@/server/db/client";
import { AppError, httpStatusOf } from "@/server/errors";
import { errorPage } from "@/server/http/error-page";
import { documentsPdf } from "@/server/services/documents";

async function noDocuments(status: number) {
  const lang = await resolveLocale();
  const t = await getTranslations({ locale: lang, namespace: "errorPages" });
  return errorPage(status, {
    lang,
    title: t("documentsTitle"),
    message: t(status === 404 ? "documentsNotIssued" : "documentsBadRequest"),
    linkHref: "/shipments",
    linkLabel: t("backHome"),
  });
}

const query = z.object({
  ids: z
    .string()
    .transform((value) => value.split(","))
    .pipe(z.array(z.uuid()).min(1).max(500)),
  kind: z.enum(["all", "labels", "invoices"]).default("all"),
});

export const GET = authedRoute("operator", async (request) => {
  const parsed = query.safeParse(Object.fromEntries(request.nextUrl.searchParams));
  if (!parsed.success) return noDocuments(400);
  try {
    const { pdf, orderNames } = await documentsPdf(await getDb(), parsed.data.ids, parsed.data.kind);
    const name =
      orderNames.length === 1 ? `${orderNames[0].replace(/[^A-Za-z0-9-]/g, "")}` : `${orderNames.length}-shipments`;
    return new Response(Buffer.from(pdf), {
      headers: {
        "content-type": "application/pdf",
        "content-disposition": `attachment; filename="shipping-documents-${name}-${parsed.data.kind}.pdf"`,
        "cache-control": "private, no-store",
      },
    });
  } catch (error) {
    if (error instanceof AppError) return noDocuments(httpStatusOf(error.code));
    throw error;
  }
});
