// `npm run build`: validates everything an editor writes, then builds into a staging
// directory and replaces the output directory only when the build and every check after it
// (the privacy scan of the output above all) have passed: on any failure the previous
// `dist/` stays exactly as it was (src/site/atomic-build.ts). Problems caused by data,
// content or configuration are printed as the editor's messages, without a stack trace.
import { isAbsolute, relative, resolve } from "node:path";
import { build } from "astro";
import { markPhase } from "../src/integrations/build-phases.ts";
import { buildAtomically } from "../src/site/atomic-build.ts";
import { editorMessage } from "../src/site/editor-errors.ts";
import { printReport, validateSite } from "../src/site/validate.ts";

process.env["ASTRO_TELEMETRY_DISABLED"] ??= "1";

const outDir = resolve(process.env["GONGSHI_OUT_DIR"] ?? "dist");
const rel = relative(process.cwd(), outDir);
const display = rel === "" || rel.startsWith("..") || isAbsolute(rel) ? outDir : rel;

markPhase("validate", "start");
const report = await validateSite();
markPhase("validate", "end");
if (!printReport(report)) process.exit(1);

try {
  await buildAtomically({
    outDir,
    build: async (staging) => {
      // astro.config.mjs reads the output directory from the environment; messages name
      // the directory the site is published as (src/integrations/privacy-guard.ts).
      process.env["GONGSHI_OUT_DIR"] = staging;
      process.env["GONGSHI_OUT_DISPLAY"] = display;
      await build({ outDir: staging });
    },
  });
} catch (error) {
  const message = editorMessage(error);
  if (message === undefined) throw error;
  console.error(message);
  console.error(`构建未完成;${display}/ 未被改动。`);
  process.exit(1);
}
console.log(`构建完成:${display}/`);
