import type { APIRoute, GetStaticPaths } from "astro";
import { getDataset, registerData } from "../../site/dataset.ts";
import { commitments } from "../../registers/commitments/index.ts";
import { commitmentJson } from "../../registers/commitments/json.ts";
import { COMMITMENTS_BASE } from "../../registers/commitments/listing.ts";
import type { Commitment } from "../../registers/commitments/model.ts";

/** `/commitments/<id>.json`: one commitment, with its derived figures and timeline. */
export const getStaticPaths = (() =>
  (registerData(getDataset(), commitments)?.items ?? []).map((item) => ({
    params: { id: item.id },
    props: { item },
  }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ item: Commitment }> = ({ props }) => {
  const { site } = getDataset();
  const json = commitmentJson(props.item, {
    url: new URL(`${COMMITMENTS_BASE}${props.item.id}/`, site.siteUrl).href,
    asOf: site.asOf,
    register: commitments.title,
  });
  return new Response(JSON.stringify(json, null, 2), {
    headers: { "Content-Type": "application/json; charset=utf-8" },
  });
};
