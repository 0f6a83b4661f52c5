import type { Dataset } from "../data/dataset.ts";
import type { Region } from "../data/regions.ts";
import { EXPOSURES_BASE } from "../registers/exposures/listing.ts";
import { MAILBOX_BASE, MAILBOX_TITLE } from "../registers/letters/listing.ts";
import { exposureRegister } from "../registers/exposures/schema.ts";
import { facetBase } from "../registers/listing.ts";

/**
 * County pages (`/counties/<code>/`): what a resident of one county finds first, each
 * section's matters in that county in one sentence with a link to the list. The home page
 * and the search page's "no result" state link them.
 */

export const COUNTIES_BASE = "/counties/";

export function countyPagePath(region: Pick<Region, "code">): string {
  return `${COUNTIES_BASE}${region.code}/`;
}

/** One section as one county sees it. */
export interface CountySection {
  title: string;
  /** One sentence: how many matters, how many still open or overdue. */
  summary: string;
  /** The section's list, filtered to the county. */
  href: string;
  /** Matters not resolved, for the 还没解决 box. */
  open: number;
}

/** The sections of a county page, in the order of the main navigation. */
export function countySections(dataset: Dataset, county: Region): CountySection[] {
  const sections: CountySection[] = [];
  const { exposures, mailbox } = dataset;
  if (exposures) {
    const items = exposures.items.filter((item) => item.county.code === county.code);
    const open = items.filter((item) => !item.rectified).length;
    const overdue = items.filter((item) => item.overdue).length;
    sections.push({
      title: exposureRegister.title,
      summary:
        items.length === 0
          ? "没有被曝光的问题。"
          : open === 0
            ? `被曝光的问题${items.length}个，都已完成整改。`
            : `被曝光的问题${items.length}个，尚未完成整改${open}个${overdue > 0 ? `，其中已逾期${overdue}个` : ""}。`,
      href: facetBase({ base: EXPOSURES_BASE }, "county", county.code),
      open,
    });
  }
  if (mailbox) {
    const letters = mailbox.letters.filter((letter) => letter.regionCode === county.code);
    const waiting = letters.filter((letter) => letter.repliedOn === undefined).length;
    const overdue = letters.filter((letter) => letter.timing.overdue).length;
    sections.push({
      title: MAILBOX_TITLE,
      summary:
        letters.length === 0
          ? "没有涉及本区县的来信。"
          : waiting === 0
            ? `涉及本区县的来信${letters.length}件，都已答复。`
            : `涉及本区县的来信${letters.length}件，尚未答复${waiting}件${overdue > 0 ? `，其中超过答复期限${overdue}件` : ""}。`,
      href: facetBase({ base: MAILBOX_BASE }, "county", county.code),
      open: waiting,
    });
  }
  return sections;
}
