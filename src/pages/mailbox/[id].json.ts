import { mailbox } from "../../registers/mailbox/index.ts";
import { itemJsonRoute } from "../../site/register-routes.ts";

/** `/mailbox/<id>.json`: one item's public record, with its derived figures. */
export const { getStaticPaths, GET } = itemJsonRoute(mailbox);
