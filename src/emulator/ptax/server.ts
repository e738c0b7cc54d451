// The PTAX emulator's HTTP server: the Banco Central's Olinda OData paths for PTAX, and a control
// API under /__ptax/ that exists only here (exact rates, faults, request log, reset).
import http from "node:http";
import { z } from "zod";
import { isIsoDate } from "../../domain/holidays";
import { isPtaxCurrency } from "../../domain/ptax";
import { ODATA_ROOT, parsePtaxRequest } from "./odata";
import { applyOptions, NO_FAULTS, PtaxState } from "./state";

export interface PtaxEmulator {
  state: PtaxState;
  server: http.Server;
  /** The server's root, e.g. http://127.0.0.1:4020 (empty before listen). */
  url: string;
  /** The OData root the app's PTAX_API_URL points at. */
  apiUrl: string;
  listen(port?: number, host?: string): Promise<string>;
  close(): Promise<void>;
}

interface Reply {
  status: number;
  body: unknown;
}

const MAX_BODY = 64 * 1024;
const isoDate = z.string().max(10).refine(isIsoDate, "must be a YYYY-MM-DD date");
const rate = z.coerce.number().finite().positive().max(1_000_000);
const rateSchema = z.strictObject({
  currency: z.string().max(3).refine(isPtaxCurrency, "must be one of the PTAX currencies"),
  date: isoDate,
  buy: rate,
  sell: rate,
});
const ratesBody = z.union([
  rateSchema,
  z.array(rateSchema).max(5000),
  z.strictObject({ rates: z.array(rateSchema).max(5000) }),
]);
const faultsBody = z.strictObject({
  errorRate: z.number().min(0).max(1).optional(),
  malformedRate: z.number().min(0).max(1).optional(),
  latencyMs: z.number().int().min(0).max(120_000).optional(),
  emptyDays: z.array(isoDate).max(5000).optional(),
});

async function readJson(request: http.IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw new SyntaxError("body too large");
    chunks.push(chunk as Buffer);
  }
  const raw = Buffer.concat(chunks).toString("utf8");
  return raw ? JSON.parse(raw) : {};
}

const odataError = (status: number, code: string, message: string): Reply => ({
  status,
  body: { error: { code, message } },
});

function control(state: PtaxState, method: string, path: string, body: unknown): Reply {
  const invalid = (error: z.ZodError) => ({ status: 400, body: { error: z.prettifyError(error) } });
  if (path === "/__ptax/health" && method === "GET") return { status: 200, body: { ok: true } };
  if (path === "/__ptax/requests" && method === "GET") return { status: 200, body: { requests: state.requests } };
  if (path === "/__ptax/reset" && method === "POST") {
    state.reset();
    return { status: 200, body: { ok: true } };
  }
  if (path === "/__ptax/rates" && method === "PUT") {
    const parsed = ratesBody.safeParse(body);
    if (!parsed.success) return invalid(parsed.error);
    const list = Array.isArray(parsed.data) ? parsed.data : "rates" in parsed.data ? parsed.data.rates : [parsed.data];
    for (const r of list) state.setRate(r.currency as never, r.date, r.buy, r.sell);
    return { status: 200, body: { ok: true, rates: list.length } };
  }
  if (path === "/__ptax/faults" && method === "POST") {
    const parsed = faultsBody.safeParse(body);
    if (!parsed.success) return invalid(parsed.error);
    state.faults = { ...state.faults, ...parsed.data };
    return { status: 200, body: { faults: state.faults } };
  }
  if (path === "/__ptax/faults" && method === "DELETE") {
    state.faults = { ...NO_FAULTS, emptyDays: [] };
    return { status: 200, body: { faults: state.faults } };
  }
  return { status: 404, body: { error: `No control endpoint ${method} ${path}` } };
}

export function createPtaxEmulator(options: { now?: () => Date; state?: PtaxState } = {}): PtaxEmulator {
  const state = options.state ?? new PtaxState(options.now);
  let failures = 0;

  async function odata(method: string, url: URL): Promise<Reply> {
    if (method !== "GET") return odataError(405, "MethodNotAllowed", "The PTAX service is read-only.");
    const parsed = parsePtaxRequest(url.pathname, url.search);
    if (!parsed.ok) return odataError(parsed.status, parsed.code, parsed.message);
    const { faults } = state;
    if (faults.latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, faults.latencyMs));
    if (faults.errorRate > 0 && Math.random() < faults.errorRate) {
      // Alternates the two answers the Olinda gateway gives when it is overloaded.
      return ++failures % 2
        ? odataError(503, "ServiceUnavailable", "Service Unavailable")
        : odataError(500, "InternalServerError", "Internal Server Error");
    }
    const rows = applyOptions(state.rows(parsed.target), parsed.options);
    const malformed = faults.malformedRate > 0 && Math.random() < faults.malformedRate;
    const fields = parsed.options.select ?? parsed.fields;
    return {
      status: 200,
      body: {
        "@odata.context": `https://was-p.bcnet.bcb.gov.br${ODATA_ROOT}$metadata#_${parsed.target.entity}(${fields.join(",")})`,
        value: malformed
          ? rows.map((row) => ({ ...row, cotacaoCompra: String(row.cotacaoCompra ?? "").replace(".", ",") }))
          : rows,
      },
    };
  }

  async function route(request: http.IncomingMessage, url: URL): Promise<Reply> {
    const method = request.method ?? "GET";
    if (url.pathname.startsWith("/__ptax/")) {
      let body: unknown = {};
      if (method !== "GET") {
        try {
          body = await readJson(request);
        } catch {
          return { status: 400, body: { error: "The body must be JSON of at most 64 KiB." } };
        }
      }
      return control(state, method, url.pathname, body);
    }
    if (url.pathname.startsWith(ODATA_ROOT) || url.pathname.length + url.search.length > 4096)
      return odata(method, url);
    return odataError(404, "NotFound", `No resource at ${url.pathname.slice(0, 100)}`);
  }

  const server = http.createServer(async (request, response) => {
    const started = performance.now();
    let url: URL;
    let reply: Reply;
    try {
      url = new URL(request.url ?? "/", "http://ptax.local");
      reply = await route(request, url);
    } catch (error) {
      console.error("[ptax-emulator]", error);
      url = new URL("http://ptax.local/");
      reply = odataError(500, "InternalServerError", "Internal Server Error");
    }
    response.writeHead(reply.status, { "Content-Type": "application/json; charset=utf-8" });
    response.end(JSON.stringify(reply.body));
    if (!url.pathname.startsWith("/__ptax/")) {
      state.log({
        at: new Date().toISOString(),
        method: request.method ?? "GET",
        url: (url.pathname + url.search).slice(0, 1000),
        status: reply.status,
        ms: Math.round((performance.now() - started) * 10) / 10,
      });
    }
  });

  let rootUrl = "";
  return {
    state,
    server,
    get url() {
      return rootUrl;
    },
    get apiUrl() {
      return rootUrl && `${rootUrl}${ODATA_ROOT}`;
    },
    listen(port = 0, host = "127.0.0.1") {
      return new Promise((resolve, reject) => {
        server.once("error", reject);
        server.listen(port, host, () => {
          rootUrl = `http://${host}:${(server.address() as { port: number }).port}`;
          resolve(rootUrl);
        });
      });
    },
    async close() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}
