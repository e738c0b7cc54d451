// GET /shipments/documents?ids=a,b&kind=all|labels|invoices|packing-slips|labels+slips&format=pdf|zpl
// — the issued documents of the shipments as one file: labels in the chosen format (default: the
// user's print preference; ZPL labels concatenated in one .zpl file, PDF ones merged), invoices and
// packing slips as PDF. The bytes are those stored as issued; a label issued in the other format is
// not converted (409, naming the orders).
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { LABEL_FORMATS } from "@/domain/statuses";
import { resolveLocale } from "@/i18n/locale";
import { authedRoute } from "@/server/auth/route";
import { getDb } from "@/server/db/client";
import { AppError, httpStatusOf } from "@/server/errors";
import { errorPage } from "@/server/http/error-page";
import { userLabelFormat } from "@/server/queries/users";
import { DOCUMENT_KINDS, documentFile } from "@/server/services/documents";

async function refused(status: number, error?: AppError) {
  const lang = await resolveLocale();
  const t = await getTranslations({ locale: lang, namespace: "errorPages" });
  const tAll = await getTranslations({ locale: lang });
  const message =
    error && status === 409
      ? tAll(error.code, error.values as never)
      : t(status === 404 ? "documentsNotIssued" : "documentsBadRequest");
  return errorPage(status, {
    lang,
    title: t("documentsTitle"),
    message,
    linkHref: "/shipments",
    linkLabel: t("backHome"),
  });
}

const query = z.object({
  ids: z
    .string()
    .transform((value) => value.split(","))
    .pipe(z.array(z.uuid()).min(1).max(500)),
  kind: z.enum(DOCUMENT_KINDS).default("all"),
  format: z.enum(LABEL_FORMATS).optional(),
});

export const GET = authedRoute("operator", async (request, user) => {
  const parsed = query.safeParse(Object.fromEntries(request.nextUrl.searchParams));
  if (!parsed.success) return refused(400);
  try {
    const db = await getDb();
    const format = parsed.data.format ?? (await userLabelFormat(db, user.id));
    const file = await documentFile(db, parsed.data.ids, parsed.data.kind, format);
    const names = file.orderNames;
    const name = names.length === 1 ? names[0].replace(/[^A-Za-z0-9-]/g, "") : `${names.length}-shipments`;
    const kind = parsed.data.kind.replace("+", "-");
    return new Response(Buffer.from(file.bytes), {
      headers: {
        "content-type": file.contentType,
        "content-disposition": `attachment; filename="shipping-documents-${name}-${kind}.${file.extension}"`,
        "cache-control": "private, no-store",
      },
    });
  } catch (error) {
    if (error instanceof AppError) return refused(httpStatusOf(error.code), error);
    throw error;
  }
});
