import { defineConfig } from "vitest/config";

// Two projects: `unit` for pure code (fast, parallel), `e2e` for the built site in headless
// Chromium (needs `npm run build` first; runs files one at a time on a 2-core machine).
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "unit",
          include: ["tests/unit/**/*.test.ts"],
          environment: "node",
        },
      },
      {
        test: {
          name: "e2e",
          include: ["tests/e2e/**/*.test.ts"],
          environment: "node",
          globalSetup: ["tests/e2e/global-setup.ts"],
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // expect.poll gives up after 1 s by default: a JS filter that fetches its index and
          // redraws took longer on a busy machine and failed at random. Waiting longer costs
          // nothing when the page is quick.
          expect: { poll: { timeout: 15_000 } },
        },
      },
    ],
  },
});
