import type { APIRoute } from "astro";
import { envelope, recordJson } from "../open-data/json.ts";
import type { PublishedRecord, PublishedTable } from "../open-data/published-table.ts";
import { buildFilterIndex } from "../registers/listing.ts";
import type { AnyRegister } from "../registers/module.ts";
import { getPublishedTables } from "./catalogue.ts";
import type { Dataset } from "./dataset.ts";
import { getDataset } from "./dataset.ts";

/**
 * The files every register has beside its pages, so its route files only name the register:
 *
 *   export const GET = filterIndexRoute(exposures);                    // filter-index.json.ts
 *
 * and each item's JSON download (`itemJsonFiles`, written after the build). On a site that
 * does not run the register they make no files.
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
 *
 * Written after the pages by src/integrations/item-downloads.ts, not as an Astro route: as
 * routes, Astro's own work per route (about 1 ms) made these files a third of all route time,
 * 10 s at 10,000 items, where writing them takes well under one.
 */
export function* itemJsonFiles(
  register: AnyRegister,
  dataset: Dataset,
): Generator<{ path: string; body: string }> {
  const base = register.module.itemBase ?? register.base;
  const items = table(dataset, register.module.primaryDataset);
  if (base === false || !dataset.registerData.has(register.key) || !items) return;
  const events = table(dataset, register.module.timelineDataset);
  const head = { ...envelope(dataset, items), register: register.title };
  for (const record of items.records) {
    const id = String(record["id"]);
    const body = {
      ...head,
      url: new URL(`${base}${id}/`, dataset.site.siteUrl).href,
      record: recordJson(items, record),
      timeline: events
        ? (byItem(events).get(id) ?? []).map((event) => recordJson(events, event))
        : null,
    };
    yield { path: `${base}${id}.json`, body: JSON.stringify(body, null, 2) };
  }
}

// Each timeline table grouped by item once: looking an item's events up by scanning the
// table for every item made the item downloads quadratic in the archive's size.
const itemIndex = new WeakMap<PublishedTable, Map<string, PublishedRecord[]>>();

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
