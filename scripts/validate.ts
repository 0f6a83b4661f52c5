// `npm run validate`: runs the data path and checks the figures MDX prose quotes, without
// building; prints every problem and exits non-zero when there is any. `npm run build`
// runs this first. It also searches every data file for personal data (the data-file half
// of the privacy guard), and compares the data with its git history: a published record
// removed without a row in withdrawn.csv is a problem (its address would break).
import { formatIssue } from "../src/data/issues.ts";
import { checkProseFiles } from "../src/prose/check-files.ts";
import { validateData } from "../src/site/validate.ts";

let failed = false;
const { dataset, issues, notices } = validateData();
if (issues.length > 0) {
  console.error(
    `数据检查发现 ${issues.length} 个问题:\n${issues.map((issue) => `  ${formatIssue(issue)}`).join("\n")}`,
  );
  failed = true;
} else if (dataset) {
  console.log(
    `数据检查通过:${dataset.site.jurisdiction.name},${dataset.counties.length} 个县级区划,截至 ${dataset.site.asOf}。`,
  );
}
// Not problems: said after the verdict (why the build will show no 修改记录, say).
for (const notice of notices) console.log(notice);
const prose = await checkProseFiles();
if (prose.length > 0) {
  console.error(
    `文章检查发现 ${prose.length} 个问题:\n${prose.map((line) => `  ${line}`).join("\n")}`,
  );
  failed = true;
}
if (failed) process.exit(1);
