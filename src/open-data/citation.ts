import type { IsoDate } from "../data/dates.ts";

/**
 * Document type codes of GB/T 7714-2015 (信息与文献 参考文献著录规则) for what the site
 * offers: EB/OL an online page, DS/OL an online dataset.
 */
export type CitedKind = "EB/OL" | "DS/OL";

export interface CitationInput {
  publisher: string;
  siteName: string;
  title: string;
  kind: CitedKind;
  /** The date of the data, standing for the standard's update date. */
  asOf: IsoDate;
  /** Absolute permalink. */
  url: string;
}

/**
 * Suggested citation in the GB/T 7714-2015 shape for electronic resources:
 * `责任者. 题名[类型]. 出版者, (更新日期). 网址.` The citing date the standard also asks
 * for is the reader's to add, since only they know when they read the page.
 */
export function citationText(input: CitationInput): string {
  return `${input.publisher}. ${input.title}[${input.kind}]. ${input.siteName}, (${input.asOf}). ${input.url}.`;
}
