import { defineConfig } from "vitest/config";

// Two projects, as the README's test command runs them: `unit` for pure code, `e2e` for the
// built site in Chromium (needs `npm run build` first).
export default defineConfig({
  test: {
    projects: [
      { test: { name: "unit", include: ["tests/unit/**/*.test.ts"] } },
      { test: { name: "e2e", include: ["tests/e2e/**/*.test.ts"], testTimeout: 60_000 } },
    ],
  },
});
