import type { APIRoute, GetStaticPaths } from "astro";
import { getDataset } from "../../../site/dataset.ts";
import { indicatorJson } from "../../../indicators/chart.ts";
import type { IndicatorFigures } from "../../../indicators/model.ts";

/** `/indicators/<id>/data.json`: exactly the plotted data, with definition and sources. */
export const getStaticPaths = (() =>
  (getDataset().indicators?.indicators ?? []).map((figures) => ({
    params: { id: figures.indicator.id },
    props: { figures },
  }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ figures: IndicatorFigures }> = ({ props }) => {
  const { site } = getDataset();
  const page = new URL(`/indicators/${props.figures.indicator.id}/`, site.siteUrl).href;
  return new Response(indicatorJson(props.figures, site.asOf, page), {
    headers: { "Content-Type": "application/json; charset=utf-8" },
  });
};
