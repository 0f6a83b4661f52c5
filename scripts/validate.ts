// `npm run validate`: runs the data path and checks the figures MDX prose quotes, without
// building; prints every problem and exits non-zero when there is any. `npm run build`
// runs this first. It also searches every data file for personal data (the data-file half
// of the privacy guard).
import { loadDataset } from "../src/site/dataset.ts";
import { DataValidationError } from "../src/data/issues.ts";
import { checkProseFiles } from "../src/prose/check-files.ts";

let failed = false;
try {
  const dataset = loadDataset(undefined, { scanForPersonalData: true });
  console.log(
    `数据检查通过:${dataset.site.jurisdiction.name},${dataset.counties.length} 个县级区划,截至 ${dataset.site.asOf}。`,
  );
} catch (error) {
  if (!(error instanceof DataValidationError)) throw error;
  console.error(error.message);
  failed = true;
}
const prose = await checkProseFiles();
if (prose.length > 0) {
  console.error(
    `文章检查发现 ${prose.length} 个问题:\n${prose.map((line) => `  ${line}`).join("\n")}`,
  );
  failed = true;
}
if (failed) process.exit(1);
