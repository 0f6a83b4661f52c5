// `npm run diff [REF] [TARGET] [--markdown]`: what committing the data would publish. Compares
// the working tree (or TARGET, a commit) with REF (default HEAD, the last commit): per register
// the records added, removed and changed (field: old → new, public fields only), status
// transitions, and the figures that change. Validation problems come first. `--markdown`
// prints the same as Markdown for a pull-request comment, e.g.
//   npm run diff -- origin/main HEAD --markdown
import { parseArgs } from "node:util";
import { DiffError, diffData } from "../src/site/diff.ts";
import { renderDiffMarkdown, renderDiffText } from "../src/site/diff-report.ts";

const { values, positionals } = parseArgs({
  options: { markdown: { type: "boolean", default: false } },
  allowPositionals: true,
});
if (positionals.length > 2) {
  console.error("用法：npm run diff [-- [比较的提交] [目标提交] [--markdown]]");
  process.exit(2);
}
const [base, target] = positionals;
try {
  const diff = diffData({ ...(base ? { base } : {}), ...(target ? { target } : {}) });
  console.log(values.markdown ? renderDiffMarkdown(diff) : renderDiffText(diff));
  if (diff.validation.issues.length > 0) process.exit(1);
} catch (error) {
  if (!(error instanceof DiffError)) throw error;
  console.error(error.message);
  process.exit(2);
}
