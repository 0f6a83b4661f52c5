import { parentPort, workerData } from "node:worker_threads";
import { allowlistOfValues } from "../privacy/build-output.ts";
import { recordsOf } from "./page-records.ts";

/**
 * One thread of reading pages into search records (page-records.ts, readPageRecords). The
 * allow list arrives as the canonical values it lets through.
 */
const { files, siteDir, allowed, display } = workerData as {
  files: string[];
  siteDir: string;
  allowed: string[] | undefined;
  display: string | undefined;
};
const allowlist = allowed && allowlistOfValues(allowed);
parentPort?.postMessage(
  recordsOf(files, siteDir, {
    ...(allowlist ? { allowlist } : {}),
    ...(display === undefined ? {} : { display }),
  }),
);
