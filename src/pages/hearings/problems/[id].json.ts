import type { APIRoute, GetStaticPaths } from "astro";
import { getDataset, registerData } from "../../../site/dataset.ts";
import { hearings } from "../../../registers/hearings/index.ts";
import { hearingProblemJson } from "../../../registers/hearings/json.ts";
import { hearingProblemPath } from "../../../registers/hearings/listing.ts";
import type { HearingProblem } from "../../../registers/hearings/model.ts";

/** `/hearings/problems/<id>.json`: one problem, its accountability counts and timeline. */
export const getStaticPaths = (() =>
  (registerData(getDataset(), hearings)?.problems ?? []).map((problem) => ({
    params: { id: problem.id },
    props: { problem },
  }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ problem: HearingProblem }> = ({ props }) => {
  const { site } = getDataset();
  const json = hearingProblemJson(props.problem, {
    url: new URL(hearingProblemPath(props.problem.id), site.siteUrl).href,
    asOf: site.asOf,
    register: hearings.title,
  });
  return new Response(JSON.stringify(json, null, 2), {
    headers: { "Content-Type": "application/json; charset=utf-8" },
  });
};
