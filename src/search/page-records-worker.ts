import { parentPort, workerData } from "node:worker_threads";
import type { PrivacyAllowlist } from "../privacy/allowlist.ts";
import type { PersonalDataHit } from "../privacy/detectors.ts";
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
const values = new Set(allowed ?? []);
const allowlist: PrivacyAllowlist | undefined = allowed && {
  allows: (hit: PersonalDataHit) => values.has(hit.value),
  size: values.size,
  values: allowed,
};
parentPort?.postMessage(
  recordsOf(files, siteDir, {
    ...(allowlist ? { allowlist } : {}),
    ...(display === undefined ? {} : { display }),
  }),
);
