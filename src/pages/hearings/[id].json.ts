import type { APIRoute, GetStaticPaths } from "astro";
import { getDataset, registerData } from "../../site/dataset.ts";
import { hearings } from "../../registers/hearings/index.ts";
import { hearingJson } from "../../registers/hearings/json.ts";
import { hearingPath } from "../../registers/hearings/listing.ts";
import type { Hearing } from "../../registers/hearings/model.ts";

/** `/hearings/<id>.json`: one episode, with the ids of its problems. */
export const getStaticPaths = (() =>
  (registerData(getDataset(), hearings)?.hearings ?? []).map((hearing) => ({
    params: { id: hearing.id },
    props: { hearing },
  }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ hearing: Hearing }> = ({ props }) => {
  const { site } = getDataset();
  const json = hearingJson(props.hearing, {
    url: new URL(hearingPath(props.hearing.id), site.siteUrl).href,
    asOf: site.asOf,
    register: hearings.title,
  });
  return new Response(JSON.stringify(json, null, 2), {
    headers: { "Content-Type": "application/json; charset=utf-8" },
  });
};
