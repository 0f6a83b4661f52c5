import { parentPort, workerData } from "node:worker_threads";
import type { PersonalDataHit } from "./detectors.ts";
import type { PrivacyAllowlist } from "./allowlist.ts";
import { scanFiles, type PendingFile } from "./build-output.ts";

/**
 * One thread of the output scan (build-output.ts, scanInWorkers): scans its share of the
 * files with the build's allow list, given as the canonical values it lets through, and
 * sends back what it found.
 */
const { files, allowed } = workerData as { files: PendingFile[]; allowed: string[] };
const values = new Set(allowed);
const allowlist: PrivacyAllowlist = {
  allows: (hit: PersonalDataHit) => values.has(hit.value),
  size: values.size,
  values: allowed,
};
parentPort?.postMessage(scanFiles(files, allowlist));
