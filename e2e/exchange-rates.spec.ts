import { expect, test } from "./fixtures";

const ptaxUrl = process.env.E2E_PTAX_URL ?? "http://127.0.0.1:3102";

test("the production server fetches the PTAX closing rates of every currency from PTAX_API_URL at start", async () => {
  await expect
    .poll(
      async () => {
        const { requests } = (await (await fetch(`${ptaxUrl}/__ptax/requests`)).json()) as {
          requests: { url: string; status: number }[];
        };
        return requests
          .filter((r) => r.status === 200)
          .map((r) =>
            r.url.startsWith("/olinda/servico/PTAX/versao/v1/odata/CotacaoDolarPeriodo")
              ? "USD"
              : /@moeda='(\w+)'/.exec(decodeURIComponent(r.url))?.[1],
          )
          .sort();
      },
      { timeout: 30_000 },
    )
    .toEqual(["AUD", "CAD", "CHF", "DKK", "EUR", "GBP", "JPY", "NOK", "SEK", "USD"]);
});
