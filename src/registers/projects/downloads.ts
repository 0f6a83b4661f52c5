import { chartCsv } from "../../components/chart/spec.ts";
import type { IsoDate } from "../../data/dates.ts";
import { cumulativeInvestmentChart, progressByCategoryChart } from "./charts.ts";
import type { ProjectStats } from "./stats.ts";

/** The stats page's chart downloads: exactly the plotted data, by name (`/projects/stats/<name>`). */
export const chartDownloads: Record<string, (stats: ProjectStats, asOf: IsoDate) => string> = {
  "cumulative-investment.csv": (stats, asOf) => chartCsv(cumulativeInvestmentChart(stats, asOf)),
  "progress-by-category.csv": (stats) => chartCsv(progressByCategoryChart(stats)),
};
