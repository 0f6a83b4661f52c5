import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { AstroIntegration } from "astro";
import { registers } from "../registers/index.ts";
import type { AnyRegister } from "../registers/module.ts";
import { getDataset } from "../site/dataset.ts";
import { itemJsonFiles } from "../site/register-routes.ts";
import { markPhase } from "./build-phases.ts";

/**
 * Writes each item's JSON download, for every register whose items have pages (the module's
 * `itemBase`), once the pages are built (see itemJsonFiles for why not as routes). Must come
 * before the privacy guard in astro.config.mjs, which scans these files with the rest of the
 * output.
 */
export function itemDownloads(from: readonly AnyRegister[] = registers): AstroIntegration {
  return {
    name: "gongshi:item-downloads",
    hooks: {
      "astro:build:done": ({ dir, logger }) => {
        markPhase("item downloads", "start");
        const outDir = fileURLToPath(dir);
        const dataset = getDataset();
        let files = 0;
        for (const register of from) {
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
