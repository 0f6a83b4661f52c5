import type { APIRoute, GetStaticPaths } from "astro";
import { envelope, recordJson } from "../open-data/json.ts";
import type { PublishedRecord, PublishedTable } from "../open-data/published-table.ts";
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
      const record = items && byId(items).get(id);
      if (!items || !record) return new Response(null, { status: 404 });
      const events = table(dataset, register.module.timelineDataset);
      return json(
        {
          ...envelope(dataset, items),
          register: register.title,
          url: new URL(`${register.base}${id}/`, dataset.site.siteUrl).href,
          record: recordJson(items, record),
          timeline: events
            ? (byItem(events).get(id) ?? []).map((event) => recordJson(events, event))
            : null,
        },
        2,
      );
    },
  };
}

// Each table indexed once: looking an item or its timeline up by scanning the table in every
// route made the item downloads quadratic in the archive's size.
const idIndex = new WeakMap<PublishedTable, Map<string, PublishedRecord>>();
const itemIndex = new WeakMap<PublishedTable, Map<string, PublishedRecord[]>>();

function byId(items: PublishedTable): Map<string, PublishedRecord> {
  let index = idIndex.get(items);
  if (!index) {
    index = new Map(items.records.map((record) => [String(record["id"]), record]));
    idIndex.set(items, index);
  }
  return index;
}

function byItem(events: PublishedTable): Map<string, PublishedRecord[]> {
  let index = itemIndex.get(events);
  if (!index) {
    index = new Map();
    for (const event of events.records) {
      const id = String(event["item_id"]);
      const list = index.get(id);
      if (list) list.push(event);
      else index.set(id, [event]);
    }
    itemIndex.set(events, index);
  }
  return index;
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
