// `npm run validate`: checks every data file and every MDX file an editor writes, without
// building; prints every problem and exits non-zero when there is any. `npm run build`
// runs the same checks first (scripts/build.ts).
import { printReport, validateSite } from "../src/site/validate.ts";

if (!printReport(await validateSite())) process.exit(1);
