import { writeFile } from "node:fs/promises";
import type { AstroIntegration } from "astro";
import { headersFile } from "../site/csp.ts";

/** Writes `dist/_headers` so hosts that honour it send the CSP as a real header. */
export function securityHeaders(): AstroIntegration {
  return {
    name: "gongshi:security-headers",
    hooks: {
      "astro:build:done": async ({ dir, logger }) => {
        await writeFile(new URL("_headers", dir), headersFile(), "utf8");
        logger.info("wrote _headers");
      },
    },
  };
}
