import { commitments } from "../../registers/commitments/index.ts";
import { itemJsonRoute } from "../../site/register-routes.ts";

/** `/commitments/<id>.json`: one commitment's public record, with its derived figures. */
export const { getStaticPaths, GET } = itemJsonRoute(commitments);
