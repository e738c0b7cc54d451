import "server-only";
// The Banco Central's PTAX OData service (or, in development and tests, its emulator): the closing
// bulletins of one currency over a date range. Every answer is validated before anything is
// returned — a rate as text, a bulletin outside the range asked for, or two closings for one day
// make the whole answer an error, so a bad answer never reaches the database.
import { z } from "zod";
import type { PtaxRate } from "@/domain/exchange-rates";
import { PTAX_SOURCE } from "@/domain/exchange-rates";
import type { IsoDate } from "@/domain/holidays";
import {
  CLOSING_BULLETIN,
  CLOSING_BULLETIN_NAMES,
  parsePtaxTimestamp,
  toPtaxDateParam,
  type PtaxCurrency,
} from "@/domain/ptax";
import { ptaxApiUrl } from "../env";

class PtaxError extends Error {
  constructor(
    message: string,
    /** Worth another attempt: a timeout, a network error, 429 or 5xx. */
    readonly retryable: boolean,
  ) {
    super(message);
    this.name = "PtaxError";
  }
}

export interface PtaxClientOptions {
  baseUrl?: string;
  fetch?: typeof fetch;
  timeoutMs?: number;
  /** Attempts in all, the first included. */
  attempts?: number;
  retryDelayMs?: number;
}

const rate = z.number().finite().positive().max(1_000_000);
const row = z.object({
  cotacaoCompra: rate,
  cotacaoVenda: rate,
  dataHoraCotacao: z.string().max(40),
  tipoBoletim: z.string().max(40).optional(),
});
const answer = z.object({ value: z.array(row).max(10_000) });

/** A JSON number as the decimal string the database keeps (8 decimals at most, no exponent). */
function decimal(value: number): string {
  return value.toFixed(8).replace(/\.?0+$/, "");
}

function periodUrl(baseUrl: string, currency: PtaxCurrency, from: IsoDate, to: IsoDate): string {
  const range = `@dataInicial='${toPtaxDateParam(from)}'&@dataFinalCotacao='${toPtaxDateParam(to)}'`;
  if (currency === "USD") {
    // CotacaoDolarPeriodo lists the closing bulletins only.
    return `${baseUrl}CotacaoDolarPeriodo(dataInicial=@dataInicial,dataFinalCotacao=@dataFinalCotacao)?${range}&$format=json`;
  }
  const filter = encodeURIComponent(`tipoBoletim eq '${CLOSING_BULLETIN}'`);
  return (
    `${baseUrl}CotacaoMoedaPeriodo(moeda=@moeda,dataInicial=@dataInicial,dataFinalCotacao=@dataFinalCotacao)` +
    `?@moeda='${currency}'&${range}&$filter=${filter}&$format=json`
  );
}

async function getJson(url: string, options: PtaxClientOptions): Promise<unknown> {
  const doFetch = options.fetch ?? fetch;
  let response: Response;
  try {
    response = await doFetch(url, {
      headers: { accept: "application/json" },
      signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
    });
  } catch (error) {
    const timedOut = error instanceof Error && error.name === "TimeoutError";
    const cause = (error as { cause?: { code?: string } }).cause?.code ?? String(error);
    throw new PtaxError(timedOut ? "PTAX did not answer in time" : `PTAX unreachable (${cause})`, true);
  }
  if (!response.ok) {
    await response.body?.cancel().catch(() => {});
    throw new PtaxError(`PTAX answered HTTP ${response.status}`, response.status === 429 || response.status >= 500);
  }
  try {
    return await response.json();
  } catch {
    throw new PtaxError("PTAX answered something that is not JSON", false);
  }
}

/** Validates an answer into the closing rates of `currency` on days in [from, to]. */
function closingRatesFromAnswer(body: unknown, currency: PtaxCurrency, from: IsoDate, to: IsoDate): PtaxRate[] {
  const parsed = answer.safeParse(body);
  if (!parsed.success)
    throw new PtaxError(`PTAX answer for ${currency} is malformed: ${z.prettifyError(parsed.error)}`, false);
  const byDate = new Map<IsoDate, PtaxRate>();
  for (const item of parsed.data.value) {
    const bulletin = item.tipoBoletim ?? CLOSING_BULLETIN; // CotacaoDolar* rows are closings without the field
    if (!CLOSING_BULLETIN_NAMES.includes(bulletin)) continue;
    const quoted = parsePtaxTimestamp(item.dataHoraCotacao);
    if (!quoted) throw new PtaxError(`PTAX answer for ${currency} has a malformed dataHoraCotacao`, false);
    if (quoted.date < from || quoted.date > to) {
      throw new PtaxError(`PTAX answer for ${currency} has a bulletin of ${quoted.date}, outside ${from}…${to}`, false);
    }
    if (byDate.has(quoted.date))
      throw new PtaxError(`PTAX answer for ${currency} has two closings on ${quoted.date}`, false);
    byDate.set(quoted.date, {
      currency,
      date: quoted.date,
      buyBrl: decimal(item.cotacaoCompra),
      sellBrl: decimal(item.cotacaoVenda),
      bulletin: CLOSING_BULLETIN,
      quotedAt: quoted.instant.toISOString(),
      source: PTAX_SOURCE,
    });
  }
  return [...byDate.values()].sort((a, b) => (a.date < b.date ? -1 : 1));
}

/** The closing bulletins of `currency` from `from` to `to` (inclusive), with bounded retries. */
export async function fetchClosingRates(
  currency: PtaxCurrency,
  from: IsoDate,
  to: IsoDate,
  options: PtaxClientOptions = {},
): Promise<PtaxRate[]> {
  const url = periodUrl(options.baseUrl ?? ptaxApiUrl(), currency, from, to);
  const attempts = options.attempts ?? 3;
  for (let attempt = 1; ; attempt++) {
    try {
      return closingRatesFromAnswer(await getJson(url, options), currency, from, to);
    } catch (error) {
      if (!(error instanceof PtaxError) || !error.retryable || attempt >= attempts) throw error;
      await new Promise((resolve) => setTimeout(resolve, (options.retryDelayMs ?? 1000) * attempt));
    }
  }
}
