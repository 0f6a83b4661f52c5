import type { APIRoute, GetStaticPaths } from "astro";
import { projects as projectsRegister } from "../../../registers/projects/index.ts";
import { chartDownloads } from "../../../registers/projects/downloads.ts";
import { getDataset, registerData } from "../../../site/dataset.ts";

/** `/projects/stats/<chart>.csv`: the data each chart on the stats page plots. */
export const getStaticPaths = (() =>
  registerData(getDataset(), projectsRegister)
    ? Object.keys(chartDownloads).map((download) => ({ params: { download } }))
    : []) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) => {
  const dataset = getDataset();
  const register = registerData(dataset, projectsRegister);
  const write = chartDownloads[params.download ?? ""];
  if (!register || !write) return new Response(null, { status: 404 });
  return new Response(write(register.stats, dataset.site.asOf), {
    headers: { "Content-Type": "text/csv; charset=utf-8" },
  });
};
