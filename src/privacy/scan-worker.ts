import { parentPort, workerData } from "node:worker_threads";
import { scanFiles, type PendingFile, type ScanContext } from "./build-output.ts";

/**
 * One thread of the output scan (build-output.ts, scanInWorkers): reads, recognises and scans
 * its share of the files and sends back what it found.
 */
const { files, context } = workerData as { files: PendingFile[]; context: ScanContext };
parentPort?.postMessage(scanFiles(files, context));
