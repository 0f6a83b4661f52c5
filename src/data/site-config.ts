import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "astro/zod";
import { isIsoDate } from "./dates.ts";
import type { DataIssue } from "./issues.ts";
import { WHOLE_FILE } from "./issues.ts";

/**
 * The site configuration (`site.json` in the data directory): everything that makes a site
 * one city's. Nothing in `src/` names a city; a second city is a second data directory.
 */
export const siteConfigSchema = z
  .object({
    /** The jurisdiction publishing the site. */
    jurisdiction: z.object({
      /** Full name, e.g. 乐山市. */
      name: z.string().min(1),
      /** GB/T 2260 code of the jurisdiction; must be a row of regions.csv. */
      code: z.string().regex(/^\d{6}$/, "须为 6 位 GB/T 2260 行政区划代码"),
    }),
    /** Site title shown in the header and in citations. */
    siteName: z.string().min(1),
    /** Who publishes the data, for citations and feeds. */
    publisher: z.string().min(1),
    /** Public URL of the site, with trailing slash; used for canonical links, feeds, citations. */
    siteUrl: z.url().refine((value) => value.endsWith("/"), "须以 / 结尾"),
    /** The date of the data: every page says 截至 this date; later dates in the data are errors. */
    asOf: z.string().refine(isIsoDate, "须为 YYYY-MM-DD 格式的真实日期"),
    /** When true, every page says that item-level data is sample data. */
    sample: z.boolean(),
    /** Licence of the published data. */
    licence: z.object({ name: z.string().min(1), url: z.url() }),
    /** Working days within which a letter should be answered (书记信箱 reply promise). */
    replyPromiseWorkingDays: z.number().int().positive().default(10),
  })
  .strict();

export type SiteConfig = z.output<typeof siteConfigSchema>;

export const SITE_CONFIG_FILE = "site.json";

export type SiteConfigResult = { ok: true; site: SiteConfig } | { ok: false; issues: DataIssue[] };

export function readSiteConfig(dataDir: string, displayDir: string): SiteConfigResult {
  const file = `${displayDir}/${SITE_CONFIG_FILE}`;
  const path = join(dataDir, SITE_CONFIG_FILE);
  const allowed = "见 README 中 site.json 的说明";
  if (!existsSync(path)) {
    return { ok: false, issues: [{ file, line: 1, column: WHOLE_FILE, problem: "文件不存在", allowed }] };
  }
  const text = readFileSync(path, "utf8").replace(/^\uFEFF/, "");
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, issues: [{ file, line: 1, column: WHOLE_FILE, problem: `不是有效的 JSON:${message}`, allowed: "标准 JSON,键名和字符串用英文双引号" }] };
  }
  const result = siteConfigSchema.safeParse(json);
  if (result.success) return { ok: true, site: result.data };
  return {
    ok: false,
    issues: result.error.issues.map((issue) => {
      const key = issue.path.join(".") || WHOLE_FILE;
      const last = issue.path.at(-1);
      const line = typeof last === "string" ? lineOfKey(text, last) : 1;
      return { file, line, column: key, problem: issue.message, allowed };
    }),
  };
}

function lineOfKey(text: string, key: string): number {
  const index = text.indexOf(`"${key}"`);
  return index < 0 ? 1 : text.slice(0, index).split("\n").length;
}
