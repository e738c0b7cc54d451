"use client";
// Shipments per day by carrier over the last 14 days: a stacked bar chart in plain SVG (no chart
// library to ship), with the same numbers in a visually hidden table for screen readers.
import { useFormatter, useTranslations } from "next-intl";
import { Card } from "@/components/ui/card";
import { FoldOnPhone } from "@/components/ui/fold-on-phone";
import { CARRIER_IDS, CARRIERS, isCarrier } from "@/domain/carrier-registry";

/** Shipments without a carrier yet, in neutral grey beside the carriers' own colours. */
const NO_CARRIER_COLOR = "#94a3b8";
const seriesColor = (series: string) => (isCarrier(series) ? CARRIERS[series].color : NO_CARRIER_COLOR);

const WIDTH = 700;
const HEIGHT = 160;
const PLOT_TOP = 12;
const PLOT_BOTTOM = 136;

export function ShipmentsPerDayChart({ perDay }: { perDay: { day: string; counts: Record<string, number> }[] }) {
  const t = useTranslations("overview");
  const format = useFormatter();
  const series = [...CARRIER_IDS, "none"].filter((carrier) => perDay.some((entry) => entry.counts[carrier]));
  const totals = perDay.map((entry) => Object.values(entry.counts).reduce((sum, n) => sum + n, 0));
  const max = Math.max(1, ...totals);
  const slot = WIDTH / perDay.length;
  const barWidth = Math.min(28, slot * 0.6);
  const scale = (PLOT_BOTTOM - PLOT_TOP) / max;
  const dayLabel = (day: string) =>
    format.dateTime(new Date(`${day}T12:00:00Z`), { day: "2-digit", month: "2-digit", timeZone: "UTC" });
  const total = totals.reduce((sum, n) => sum + n, 0);

  return (
    <Card className="relative p-4" data-testid="overview-chart">
      <FoldOnPhone
        heading={
          <h2 className="min-w-0 flex-1 text-sm font-semibold text-slate-900 sm:flex-none">{t("chartTitle")}</h2>
        }
        aside={
          <ul className="flex flex-wrap gap-3 text-xs text-slate-600" aria-hidden>
            {series.map((carrier) => (
              <li key={carrier} className="flex items-center gap-1">
                <span className="inline-block size-2.5 rounded-sm" style={{ background: seriesColor(carrier) }} />
                {isCarrier(carrier) ? CARRIERS[carrier].name : t("noCarrier")}
              </li>
            ))}
          </ul>
        }
        showLabel={t("show")}
        hideLabel={t("hide")}
      >
        {total === 0 ? (
          <p className="py-6 text-center text-sm text-slate-500">{t("chartEmpty")}</p>
        ) : (
          // A phone scrolls the chart inside its card rather than shrinking its labels out of reach.
          <div className="overflow-x-auto">
            <svg
              viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
              className="mt-2 h-40 w-full min-w-[36rem]"
              role="img"
              aria-label={t("chartLabel", { total })}
            >
              <line x1={0} x2={WIDTH} y1={PLOT_BOTTOM} y2={PLOT_BOTTOM} stroke="#e2e8f0" />
              {perDay.map((entry, index) => {
                let y = PLOT_BOTTOM;
                const x = index * slot + (slot - barWidth) / 2;
                return (
                  <g key={entry.day}>
                    <title>{`${dayLabel(entry.day)}: ${totals[index]}`}</title>
                    {series.map((carrier) => {
                      const count = entry.counts[carrier] ?? 0;
                      if (count === 0) return null;
                      const height = count * scale;
                      y -= height;
                      return (
                        <rect
                          key={carrier}
                          x={x}
                          y={y}
                          width={barWidth}
                          height={height}
                          fill={seriesColor(carrier)}
                          rx={2}
                        />
                      );
                    })}
                    {totals[index] > 0 ? (
                      <text x={x + barWidth / 2} y={y - 3} textAnchor="middle" fontSize={10} fill="#475569">
                        {totals[index]}
                      </text>
                    ) : null}
                    <text x={x + barWidth / 2} y={HEIGHT - 8} textAnchor="middle" fontSize={10} fill="#64748b">
                      {dayLabel(entry.day)}
                    </text>
                  </g>
                );
              })}
            </svg>
          </div>
        )}
      </FoldOnPhone>
      {/* The wrapper hides the table: a table ignores the 1 px width of sr-only and would stick out. */}
      <div className="sr-only">
        <table>
          <caption>{t("chartTitle")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("day")}</th>
              {series.map((carrier) => (
                <th key={carrier} scope="col">
                  {isCarrier(carrier) ? CARRIERS[carrier].name : t("noCarrier")}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {perDay.map((entry) => (
              <tr key={entry.day}>
                <th scope="row">{entry.day}</th>
                {series.map((carrier) => (
                  <td key={carrier}>{entry.counts[carrier] ?? 0}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Card>
  );
}
