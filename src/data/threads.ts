import { Worker } from "node:worker_threads";

/**
 * Runs `module` in a worker thread with `data` and resolves with the one message it posts.
 * Used where a build step has the cores to itself (the output privacy scan, reading pages into
 * search records). A thread that fails, or ends without an answer, rejects: its share of the
 * work was not done, so the step must not pass.
 */
export function inThread<T>(module: URL, data: unknown, what: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let answered = false;
    const worker = new Worker(module, { workerData: data });
    worker.once("message", (result: T) => {
      answered = true;
      resolve(result);
    });
    worker.once("error", reject);
    worker.once("exit", (code) => {
      if (code !== 0 || !answered)
        reject(new Error(`${what}: thread ended (${code}) without an answer`));
    });
  });
}
