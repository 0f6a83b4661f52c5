import { commitments } from "../../registers/commitments/index.ts";
import { filterIndexRoute } from "../../site/register-routes.ts";

/** The compact index the list's JS filter fetches on first use. */
export const GET = filterIndexRoute(commitments);
