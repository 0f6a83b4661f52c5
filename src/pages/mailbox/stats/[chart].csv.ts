import type { APIRoute, GetStaticPaths } from "astro";
import { getDataset } from "../../../site/dataset.ts";
import { mailboxCharts } from "../../../components/mailbox/charts.ts";
import { chartCsv } from "../../../components/chart/spec.ts";
import type { ChartSpec } from "../../../components/chart/spec.ts";

/** `/mailbox/stats/<chart>.csv`: exactly the values one chart on the statistics page draws. */
export const getStaticPaths = (() =>
  Object.entries(mailboxCharts(getDataset()) ?? {}).map(([chart, spec]) => ({
    params: { chart },
    props: { spec },
  }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ spec: ChartSpec }> = ({ props }) =>
  new Response(chartCsv(props.spec), { headers: { "Content-Type": "text/csv; charset=utf-8" } });
