// The smallest valid 环保曝光台 register, for data-path tests that need a complete data
// directory but are not about exposures: one problem, exposed and closed, in `regionCode`.
export const EXPOSURES_HEADER =
  "id,title,exposed_on,media,media_url,region_code,location,category,problem,responsible_unit,deadline,status,rectified_on,closed_on,measures";
export const EXPOSURE_UPDATES_HEADER = "item_id,date,kind,status,summary,source_url";

export function minimalExposureFiles(regionCode: string): Record<string, string> {
  return {
    "exposures.csv": [
      EXPOSURES_HEADER,
      `HB-2020-0001,河边堆放垃圾,2020-01-09,示例电视台第1期,,${regionCode},某镇河边,固体废物,河边堆放生活垃圾。,某镇人民政府,2020-02-28,已销号,2020-02-10,2020-03-01,清运垃圾。`,
      "",
    ].join("\n"),
    "exposure-updates.csv": [
      EXPOSURE_UPDATES_HEADER,
      "HB-2020-0001,2020-01-09,曝光,未整改,节目曝光。,",
      "HB-2020-0001,2020-02-10,进展,已整改,整改完成。,",
      "HB-2020-0001,2020-03-01,验收,已销号,核查后销号。,",
      "",
    ].join("\n"),
  };
}
