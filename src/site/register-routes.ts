import type { APIRoute, GetStaticPaths } from "astro";
import { buildFilterIndex } from "../registers/listing.ts";
import type { AnyRegister } from "../registers/module.ts";
import { getDataset } from "./dataset.ts";

/**
 * The endpoints every register has, so its route files only name the register:
 *
 *   export const { getStaticPaths, GET } = itemJsonRoute(exposures);   // [id].json.ts
 *   export const GET = filterIndexRoute(exposures);                    // filter-index.json.ts
 *
 * On a site that does not run the register they make no files.
 */

const json = (body: unknown, indent?: number): Response =>
  new Response(JSON.stringify(body, null, indent), {
    headers: { "Content-Type": "application/json; charset=utf-8" },
  });

/** `/<key>/<id>.json`: one item's public record. */
export function itemJsonRoute(register: AnyRegister): {
  getStaticPaths: GetStaticPaths;
  GET: APIRoute;
} {
  return {
    getStaticPaths: () => {
      const dataset = getDataset();
      const data = dataset.registerData.get(register.key);
      if (data === undefined) return [];
      return register.module
        .itemJson(data, dataset)
        .map((item) => ({ params: { id: item.id }, props: { item } }));
    },
    GET: ({ props }) => {
      // Astro types route props loosely; these are the ones getStaticPaths above made.
      const { item } = props as { item: { id: string; json: (url: string) => object } };
      const url = new URL(`${register.base}${item.id}/`, getDataset().site.siteUrl).href;
      return json(item.json(url), 2);
    },
  };
}

/** The compact index `<gs-register-filter>` fetches on first use (see registers/listing.ts). */
export function filterIndexRoute(register: AnyRegister): APIRoute {
  return () => {
    const dataset = getDataset();
    const data = dataset.registerData.get(register.key);
    if (data === undefined) return new Response(null, { status: 404 });
    const { listing, rows } = register.module.listing(data, dataset);
    return json(buildFilterIndex(listing, rows));
  };
}
