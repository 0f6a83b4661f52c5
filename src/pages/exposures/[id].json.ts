import type { APIRoute, GetStaticPaths } from "astro";
import { getDataset, registerData } from "../../site/dataset.ts";
import { exposures as exposuresRegister } from "../../registers/exposures/index.ts";
import { exposureJson } from "../../registers/exposures/json.ts";
import type { Exposure } from "../../registers/exposures/load.ts";
import { EXPOSURES_BASE } from "../../registers/exposures/listing.ts";
import { exposureRegister } from "../../registers/exposures/schema.ts";

/** `/exposures/<id>.json`: one problem, with its derived figures and timeline. */
export const getStaticPaths = (() =>
  (registerData(getDataset(), exposuresRegister)?.items ?? []).map((item) => ({
    params: { id: item.id },
    props: { item },
  }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ item: Exposure }> = ({ props }) => {
  const { site } = getDataset();
  const json = exposureJson(props.item, {
    url: new URL(`${EXPOSURES_BASE}${props.item.id}/`, site.siteUrl).href,
    asOf: site.asOf,
    register: exposureRegister.title,
  });
  return new Response(JSON.stringify(json, null, 2), {
    headers: { "Content-Type": "application/json; charset=utf-8" },
  });
};
