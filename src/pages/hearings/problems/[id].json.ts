import { hearingProblemPages } from "../../../registers/hearings/index.ts";
import { itemJsonRoute } from "../../../site/register-routes.ts";

/** `/hearings/problems/<id>.json`: one problem, its accountability counts and timeline. */
export const { getStaticPaths, GET } = itemJsonRoute(hearingProblemPages);
