// GET /api/sync-runs?ids=a,b — the live progress of sync runs (polled by the progress panel).
import { z } from "zod";
import { authedRoute } from "@/server/auth/route";
import { getDb } from "@/server/db/client";
import { runsProgress } from "@/server/queries/sync-runs";

const ids = z.array(z.uuid()).max(50);

export const GET = authedRoute(
  "operator",
  async (request) => {
    const parsed = ids.safeParse((request.nextUrl.searchParams.get("ids") ?? "").split(",").filter(Boolean));
    if (!parsed.success) return Response.json({ error: "invalid ids" }, { status: 400 });
    const runs = await runsProgress(await getDb(), parsed.data);
    return Response.json({ runs }, { headers: { "cache-control": "no-store" } });
  },
  { api: true },
);
