import { existsSync } from "node:fs";
import type { TestProject } from "vitest/node";
import { serveStatic } from "./static-server.ts";

declare module "vitest" {
  export interface ProvidedContext {
    siteOrigin: string;
    distDir: string;
  }
}

/** Serves the built site on 127.0.0.1 for the browser tests. `npm run build` comes first. */
export default async function setup(project: TestProject) {
  const distDir = process.env["GONGSHI_OUT_DIR"] ?? "dist";
  if (!existsSync(`${distDir}/index.html`)) {
    throw new Error(
      `${distDir}/index.html is missing: run \`npm run build\` before the browser tests`,
    );
  }
  const { server, origin } = await serveStatic(distDir);
  project.provide("siteOrigin", origin);
  project.provide("distDir", distDir);
  return () =>
    new Promise<void>((done) => {
      server.close(() => done());
      server.closeAllConnections();
    });
}
