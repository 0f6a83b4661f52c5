import { exposures } from "../../registers/exposures/index.ts";
import { itemJsonRoute } from "../../site/register-routes.ts";

/** `/exposures/<id>.json`: one item's public record, with its derived figures. */
export const { getStaticPaths, GET } = itemJsonRoute(exposures);
