import type { APIRoute, GetStaticPaths } from "astro";
import { getDataset } from "../../../site/dataset.ts";
import { indicatorCsv } from "../../../indicators/chart.ts";
import type { IndicatorFigures } from "../../../indicators/model.ts";

/** `/indicators/<id>/data.csv`: exactly the plotted data, UTF-8 with BOM. */
export const getStaticPaths = (() =>
  (getDataset().indicators?.indicators ?? []).map((figures) => ({
    params: { id: figures.indicator.id },
    props: { figures },
  }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ figures: IndicatorFigures }> = ({ props }) =>
  new Response(indicatorCsv(props.figures), {
    headers: { "Content-Type": "text/csv; charset=utf-8" },
  });
