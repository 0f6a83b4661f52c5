// The headers of the two 环保曝光台 files, as editors write them.
export const EXPOSURES_HEADER =
  "id,title,exposed_on,media,media_url,region_code,location,category,problem,responsible_unit,deadline,status,rectified_on,closed_on,measures";
export const EXPOSURE_UPDATES_HEADER = "item_id,date,kind,status,summary,source_url";
