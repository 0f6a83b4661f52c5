import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { AstroIntegration } from "astro";
import { commitments } from "../registers/commitments/index.ts";
import { exposures } from "../registers/exposures/index.ts";
import { hearingProblemPages } from "../registers/hearings/index.ts";
import { mailbox } from "../registers/mailbox/index.ts";
import type { AnyRegister } from "../registers/module.ts";
import { projects } from "../registers/projects/index.ts";
import { getDataset } from "../site/dataset.ts";
import { itemJsonFiles } from "../site/register-routes.ts";
import { markPhase } from "./build-phases.ts";

/**
 * The registers whose every item has a page and a `/<key>/<id>.json` download. Hearings have
 * their own episode JSON (src/pages/hearings/[id].json.ts); ledgers have no item pages.
 */
export const ITEM_DOWNLOAD_REGISTERS: readonly AnyRegister[] = [
  exposures,
  mailbox,
  commitments,
  projects,
  hearingProblemPages,
];

/**
 * Writes each item's JSON download once the pages are built (see itemJsonFiles for why not as
 * routes). Must come before the privacy guard in astro.config.mjs, which scans these files
 * with the rest of the output.
 */
export function itemDownloads(
  registers: readonly AnyRegister[] = ITEM_DOWNLOAD_REGISTERS,
): AstroIntegration {
  return {
    name: "gongshi:item-downloads",
    hooks: {
      "astro:build:done": ({ dir, logger }) => {
        markPhase("item downloads", "start");
        const outDir = fileURLToPath(dir);
        const dataset = getDataset();
        let files = 0;
        for (const register of registers) {
          let made = false;
          for (const file of itemJsonFiles(register, dataset)) {
            const path = join(outDir, file.path);
            if (!made) mkdirSync(dirname(path), { recursive: true });
            made = true;
            writeFileSync(path, file.body);
            files += 1;
          }
        }
        markPhase("item downloads", "end");
        logger.info(`wrote ${files} item JSON downloads`);
      },
    },
  };
}
