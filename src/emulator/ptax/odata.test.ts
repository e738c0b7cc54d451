import { describe, expect, it } from "vitest";
import { ODATA_ROOT, parsePtaxRequest } from "./odata";

const parse = (resource: string, query = "") => parsePtaxRequest(ODATA_ROOT + resource, query);
const PERIOD = "CotacaoMoedaPeriodo(moeda=@moeda,dataInicial=@dataInicial,dataFinalCotacao=@dataFinalCotacao)";

describe("parsePtaxRequest", () => {
  it("reads a function with aliased, month-first, single-quoted parameters", () => {
    const parsed = parse(
      PERIOD,
      "?@moeda=%27EUR%27&@dataInicial=%2711-20-2026%27&@dataFinalCotacao=%2711-27-2026%27&$format=json" +
        "&$filter=tipoBoletim%20eq%20%27Fechamento%20PTAX%27&$orderby=dataHoraCotacao%20desc&$top=2&$select=cotacaoCompra,dataHoraCotacao",
    );
    expect(parsed).toEqual({
      ok: true,
      target: { entity: "CotacaoMoedaPeriodo", currency: "EUR", from: "2026-11-20", to: "2026-11-27" },
      fields: ["paridadeCompra", "paridadeVenda", "cotacaoCompra", "cotacaoVenda", "dataHoraCotacao", "tipoBoletim"],
      options: {
        top: 2,
        skip: undefined,
        select: ["cotacaoCompra", "dataHoraCotacao"],
        orderBy: [{ field: "dataHoraCotacao", descending: true }],
        filter: [{ field: "tipoBoletim", value: "Fechamento PTAX" }],
      },
    });
  });

  it("reads inline literals, the dollar's day function and Moedas", () => {
    expect(parse("CotacaoDolarDia(dataCotacao='1-5-2026')")).toMatchObject({
      ok: true,
      target: { entity: "CotacaoDolarDia", currency: "USD", from: "2026-01-05", to: "2026-01-05" },
    });
    expect(parse("Moedas", "?$format=json")).toMatchObject({ ok: true, target: { entity: "Moedas" } });
  });

  it.each([
    [
      "a day-first date",
      "CotacaoDolarDia(dataCotacao=@d)",
      "?@d='27-11-2026'",
      /not a date in the format 'MM-DD-YYYY'/,
    ],
    ["an ISO date", "CotacaoDolarDia(dataCotacao=@d)", "?@d='2026-11-27'", /MM-DD-YYYY/],
    ["an unquoted date", "CotacaoDolarDia(dataCotacao=@d)", "?@d=11-27-2026", /single-quoted/],
    ["a missing alias", "CotacaoDolarDia(dataCotacao=@d)", "", /has no value/],
    ["a missing parameter", "CotacaoMoedaDia(moeda=@m)", "?@m='EUR'", /missing the parameter dataCotacao/],
    [
      "an unknown parameter",
      "CotacaoDolarDia(dataCotacao=@d,x=@x)",
      "?@d='11-27-2026'&@x='1'",
      /Unexpected parameter 'x'/,
    ],
    ["an unknown function", "CotacaoEuroDia(dataCotacao=@d)", "?@d='11-27-2026'", /Resource not found/],
    ["an unknown entity", "__proto__", "", /Resource not found/],
    [
      "an unknown currency",
      "CotacaoMoedaDia(moeda=@m,dataCotacao=@d)",
      "?@m='BRL'&@d='11-27-2026'",
      /Unknown currency 'BRL'/,
    ],
    [
      "a reversed period",
      PERIOD,
      "?@moeda='EUR'&@dataInicial='11-27-2026'&@dataFinalCotacao='11-20-2026'",
      /must not be after/,
    ],
    ["an unknown $select field", "Moedas", "?$select=simbolo,preco", /property named 'preco'/],
    ["an unsupported $filter", "Moedas", "?$filter=simbolo ne 'USD'", /Unsupported \$filter/],
    ["a negative $top", "Moedas", "?$top=-1", /non-negative integer/],
    ["an absurd $top", "Moedas", "?$top=1e99", /non-negative integer/],
    ["an unknown option", "Moedas", "?$expand=x", /not supported/],
    ["a NUL byte", "Moedas", "?$filter=simbolo eq '%00'", /NUL/],
  ])("refuses %s with an OData error", (_label, resource, query, message) => {
    const parsed = parse(resource, query);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.status).toBe(400);
    expect(parsed.message).toMatch(message);
  });

  it("refuses a huge URL and a path outside the service", () => {
    expect(parse("Moedas", `?x=${"a".repeat(10_000)}`)).toMatchObject({ ok: false, status: 414 });
    expect(parsePtaxRequest("/olinda/servico/Outro/odata/Moedas", "")).toMatchObject({ ok: false, status: 404 });
  });
});
