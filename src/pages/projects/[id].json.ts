import { projects } from "../../registers/projects/index.ts";
import { itemJsonRoute } from "../../site/register-routes.ts";

/** `/projects/<id>.json`: one project's public record, with its standing against the plan. */
export const { getStaticPaths, GET } = itemJsonRoute(projects);
