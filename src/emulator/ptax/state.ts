// What a PTAX emulator holds besides its seed: the clock, exact rates set by tests, faults and
// the request log; and the rows an OData request answers with, from all of that.
import { addDays, type IsoDate } from "../../domain/holidays";
import { originNow } from "../../domain/local-time";
import { CLOSING_BULLETIN, type PtaxCurrency } from "../../domain/ptax";
import type { PtaxTarget, QueryOptions } from "./odata";
import { bulletinsOn, CURRENCIES, parity, type Bulletin } from "./seed";

export interface PtaxFaults {
  /** Share of OData requests answered 500/503 (0–1). */
  errorRate: number;
  /** Share answered 200 with rows the real service never sends (rates as text). */
  malformedRate: number;
  latencyMs: number;
  /** Days answered with no bulletin, as if the Banco Central had published none. */
  emptyDays: IsoDate[];
}

export const NO_FAULTS: PtaxFaults = { errorRate: 0, malformedRate: 0, latencyMs: 0, emptyDays: [] };

export interface LoggedRequest {
  at: string;
  method: string;
  /** Path and query string, as received. */
  url: string;
  status: number;
  ms: number;
}

const MAX_LOG = 1000;
const MAX_PERIOD_DAYS = 5 * 366; // a period beyond the seed's years gets nothing more anyway

type Row = Record<string, string | number>;

export class PtaxState {
  overrides = new Map<string, { buy: number; sell: number }>();
  faults: PtaxFaults = { ...NO_FAULTS };
  requests: LoggedRequest[] = [];

  constructor(readonly now: () => Date = () => new Date()) {}

  reset() {
    this.overrides.clear();
    this.faults = { ...NO_FAULTS, emptyDays: [] };
    this.requests = [];
  }

  log(entry: LoggedRequest) {
    this.requests.push(entry);
    if (this.requests.length > MAX_LOG) this.requests.splice(0, this.requests.length - MAX_LOG);
  }

  setRate(currency: PtaxCurrency, date: IsoDate, buy: number, sell: number) {
    this.overrides.set(`${currency}|${date}`, { buy, sell });
  }

  /** The bulletins of a day that are published by now (today's only up to the current time). */
  published(currency: PtaxCurrency, date: IsoDate): Bulletin[] {
    if (this.faults.emptyDays.includes(date)) return [];
    const local = originNow(this.now());
    if (date > local.date) return [];
    const all = bulletinsOn(currency, date, this.overrides.get(`${currency}|${date}`));
    return date < local.date ? all : all.filter((b) => b.time.slice(0, 5) < local.time);
  }

  private closingUsd(date: IsoDate): Bulletin | undefined {
    return this.published("USD", date).find((b) => b.kind === CLOSING_BULLETIN);
  }

  /** The rows of a parsed request, before $filter, $orderby, $skip, $top and $select. */
  rows(target: PtaxTarget): Row[] {
    if (target.entity === "Moedas") {
      return CURRENCIES.map((c) => ({ simbolo: c.symbol, nomeFormatado: c.name, tipoMoeda: c.type }));
    }
    const rows: Row[] = [];
    const dolar = target.entity.startsWith("CotacaoDolar");
    let date = target.from;
    for (let day = 0; date <= target.to && day < MAX_PERIOD_DAYS; day++, date = addDays(date, 1)) {
      const bulletins = this.published(target.currency, date);
      // CotacaoDolar* lists only the closing bulletin, as the real service does.
      for (const b of dolar ? bulletins.filter((b) => b.kind === CLOSING_BULLETIN) : bulletins) {
        const quoted = `${b.date} ${b.time}`;
        if (dolar) {
          rows.push({ cotacaoCompra: b.buy, cotacaoVenda: b.sell, dataHoraCotacao: quoted });
          continue;
        }
        const usd =
          target.currency === "USD"
            ? b
            : (this.published("USD", date).find((u) => u.kind === b.kind) ?? this.closingUsd(date));
        rows.push({
          paridadeCompra: usd ? parity(target.currency, b.buy, usd.buy) : 1,
          paridadeVenda: usd ? parity(target.currency, b.sell, usd.sell) : 1,
          cotacaoCompra: b.buy,
          cotacaoVenda: b.sell,
          dataHoraCotacao: quoted,
          tipoBoletim: b.kind,
        });
      }
    }
    return rows;
  }
}

/** $filter, $orderby, $skip, $top and $select, in OData's order. */
export function applyOptions(rows: Row[], options: QueryOptions): Row[] {
  let result = rows.filter((row) => options.filter.every(({ field, value }) => row[field] === value));
  if (options.orderBy.length > 0) {
    result = [...result].sort((a, b) => {
      for (const { field, descending } of options.orderBy) {
        const order = a[field] < b[field] ? -1 : a[field] > b[field] ? 1 : 0;
        if (order !== 0) return descending ? -order : order;
      }
      return 0;
    });
  }
  result = result.slice(options.skip ?? 0, options.top === undefined ? undefined : (options.skip ?? 0) + options.top);
  const select = options.select;
  return select ? result.map((row) => Object.fromEntries(select.map((field) => [field, row[field]]))) : result;
}
