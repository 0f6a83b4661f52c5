import type { Region } from "../data/regions.ts";
import { formatCount } from "../format/numbers.ts";
import { registers } from "../registers/index.ts";
import { facetBase } from "../registers/listing.ts";
import type { Dataset } from "./dataset.ts";

/**
 * County pages (`/counties/<code>/`): what a resident of one county finds first, each
 * register's matters in that county in one sentence with a link to its county list. The home
 * page and the search page's "no result" state link them. Made from each register's list rows
 * (county facet, status tone, overdue flag), so every register in the registry takes part.
 */

export const COUNTIES_BASE = "/counties/";

export function countyPagePath(region: Pick<Region, "code">): string {
  return `${COUNTIES_BASE}${region.code}/`;
}

/** One register as one county sees it. */
export interface CountySection {
  title: string;
  /** One sentence: how many matters, how many still open, how many overdue. */
  summary: string;
  /** The register's list, narrowed to the county. */
  href: string;
}

/** The registers of a county page, in registry order; a register without a county facet is left out. */
export function countySections(dataset: Dataset, county: Region): CountySection[] {
  return registers.flatMap((register): CountySection[] => {
    const data = dataset.registerData.get(register.key);
    if (data === undefined) return [];
    const { listing, rows } = register.module.listing(data, dataset);
    if (!listing.facets.some((facet) => facet.key === "county")) return [];
    const tones = new Map(
      (listing.facets.find((facet) => facet.key === "status")?.values ?? []).map((value) => [
        value.value,
        value.tone,
      ]),
    );
    let total = 0;
    let open = 0;
    let overdue = 0;
    for (const row of rows) {
      if (row.facets["county"] !== county.code) continue;
      total++;
      const tone = tones.get(row.facets["status"] ?? "");
      if (tone === "todo" || tone === "progress") open++;
      if (row.flags["overdue"]) overdue++;
    }
    const noun = register.noun;
    const summary =
      total === 0
        ? `没有${noun}。`
        : open === 0
          ? `${noun}${formatCount(total)}条，都已办结。`
          : `${noun}${formatCount(total)}条，尚未办结${formatCount(open)}条${
              overdue > 0 ? `，其中已超过期限${formatCount(overdue)}条` : ""
            }。`;
    const href =
      register.module.countyPage?.(county.code) ?? facetBase(listing, "county", county.code);
    return [{ title: register.title, summary, href }];
  });
}
