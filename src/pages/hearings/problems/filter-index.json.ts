import { hearingProblemPages } from "../../../registers/hearings/index.ts";
import { filterIndexRoute } from "../../../site/register-routes.ts";

/** The compact index the problem list's JS filter fetches on first use. */
export const GET = filterIndexRoute(hearingProblemPages);
