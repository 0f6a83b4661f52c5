// `npm run validate`: runs the data path without building, prints every problem, and exits
// non-zero when there is any. `npm run build` runs this first. It also searches every data
// file for personal data (the data-file half of the privacy guard).
import { loadDataset } from "../src/data/dataset.ts";
import { DataValidationError } from "../src/data/issues.ts";

try {
  const dataset = loadDataset(undefined, { scanForPersonalData: true });
  console.log(
    `数据检查通过:${dataset.site.jurisdiction.name},${dataset.counties.length} 个县级区划,截至 ${dataset.site.asOf}。`,
  );
} catch (error) {
  if (error instanceof DataValidationError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
