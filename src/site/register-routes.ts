import type { APIRoute, GetStaticPaths } from "astro";
import { envelope, recordJson } from "../open-data/json.ts";
import type { PublishedTable } from "../open-data/published-table.ts";
import { buildFilterIndex } from "../registers/listing.ts";
import type { AnyRegister } from "../registers/module.ts";
import { getPublishedTables } from "./catalogue.ts";
import type { Dataset } from "./dataset.ts";
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

function table(dataset: Dataset, name: string | undefined): PublishedTable | undefined {
  return name === undefined
    ? undefined
    : getPublishedTables(dataset).find((candidate) => candidate.name === name);
}

/**
 * `/<key>/<id>.json`: one item as the bulk download has it, so the two can never disagree:
 * the same envelope as `/data/<name>.json` (camelCase metadata), the item's record under the
 * same snake_case column names, and its timeline rows from the register's timeline dataset.
 */
export function itemJsonRoute(register: AnyRegister): {
  getStaticPaths: GetStaticPaths;
  GET: APIRoute;
} {
  return {
    getStaticPaths: () => {
      const dataset = getDataset();
      const items = table(dataset, register.module.primaryDataset);
      if (!dataset.registerData.has(register.key) || !items) return [];
      return items.records.map((record) => ({
        params: { id: String(record["id"]) },
        props: { id: String(record["id"]) },
      }));
    },
    GET: ({ props }) => {
      // Astro types route props loosely; these are the ones getStaticPaths above made.
      const { id } = props as { id: string };
      const dataset = getDataset();
      const items = table(dataset, register.module.primaryDataset);
      const record = items?.records.find((candidate) => candidate["id"] === id);
      if (!items || !record) return new Response(null, { status: 404 });
      const events = table(dataset, register.module.timelineDataset);
      return json(
        {
          ...envelope(dataset, items),
          register: register.title,
          url: new URL(`${register.base}${id}/`, dataset.site.siteUrl).href,
          record: recordJson(items, record),
          timeline: events
            ? events.records
                .filter((event) => event["item_id"] === id)
                .map((event) => recordJson(events, event))
            : null,
        },
        2,
      );
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
