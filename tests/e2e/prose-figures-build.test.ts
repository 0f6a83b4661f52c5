import { execFile } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, expect, test } from "vitest";

const run = promisify(execFile);

// A figure name in prose that the data does not define must stop the build, naming the
// page and the line, so prose can never quote a number that is not computed.
test("a page naming an unknown figure fails the build with its file and line", async () => {
  const dir = mkdtempSync(join(tmpdir(), "gongshi-prose-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  cpSync("content", join(dir, "content"), { recursive: true });
  const about = join(dir, "content/pages/about.mdx");
  const lines = readFileSync(about, "utf8").split("\n");
  const line = lines.findIndex((text) => text.startsWith("## 示例数据")) + 1;
  lines.splice(line, 0, "", '今年收到来信 <Figure name="mailbox.receivedThisYaer" /> 封。');
  writeFileSync(about, lines.join("\n"));

  // `astro build` alone: the data checks of `npm run build` are not what this is about.
  const build = run("npx", ["astro", "build"], {
    env: {
      ...process.env,
      ASTRO_TELEMETRY_DISABLED: "1",
      GONGSHI_CONTENT_DIR: join(dir, "content"),
      GONGSHI_OUT_DIR: join(dir, "dist"),
    },
    maxBuffer: 16 * 1024 * 1024,
  });
  const failure = await build.then(
    () => undefined,
    (error: unknown) => error as { code: number; stdout: string; stderr: string },
  );
  expect(failure, "the build succeeded").toBeDefined();
  const output = `${failure?.stdout ?? ""}\n${failure?.stderr ?? ""}`;
  // The MDX file is outside the working directory here, so it is named by absolute path.
  expect(output).toContain(
    `${about}:${line + 2}:8 <Figure>: 没有名为「mailbox.receivedThisYaer」的数字`,
  );
}, 180_000);
