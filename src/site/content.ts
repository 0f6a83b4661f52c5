import { z } from "astro/zod";
import { isIsoDate } from "../data/dates.ts";
import type { ContentCollection } from "../prose/check-files.ts";
import { EXPOSURES_FILE } from "../registers/exposures/schema.ts";

/**
 * The content collections editors write in MDX: their front matter, what is allowed under
 * each key, and their rules. `src/content.config.ts` builds the Astro collections from these
 * schemas and `npm run validate` checks the files against them, so the two cannot differ.
 */

/** Prose pages (about, guides): `content/pages/*.mdx`. */
export const pagesCollection = {
  folder: "pages",
  schema: z.object({
    /** Page title. */
    title: z.string().trim().min(1, "不能为空"),
    /** One-sentence summary for search engines and link previews. */
    description: z.string().trim().min(1, "不能为空"),
  }),
  allowed: {
    title: "页面标题,一行文字",
    description: "一句话摘要,用于搜索引擎和分享预览",
  },
} satisfies ContentCollection;

/** 环保曝光台 episode write-ups: `content/episodes/*.mdx`, one per broadcast. */
export const episodesCollection = {
  folder: "episodes",
  schema: z.object({
    /** Page title, e.g. 第1期:…. */
    title: z.string().trim().min(1, "不能为空"),
    /** One-sentence summary. */
    description: z.string().trim().min(1, "不能为空"),
    /** Episode number (期数); the page URL is /exposures/episodes/<number>/. */
    number: z.number().int().positive(),
    /** Broadcast or publication day, YYYY-MM-DD (quoted, so YAML keeps it text). */
    airedOn: z.string().refine(isIsoDate, "须为 YYYY-MM-DD 格式的真实日期"),
    /** Programme and episode as in exposures.csv `media`. */
    media: z.string().trim().min(1, "不能为空"),
    /** Ids of the problems this episode exposed. */
    items: z.array(z.string()).min(1, "至少列出一个问题编号"),
  }),
  allowed: {
    title: "页面标题,如 第87期:道路扬尘和峡谷里的弃渣",
    description: "一句话摘要",
    number: "期数,正整数,不加引号;各期不同(网址由它生成)",
    airedOn: '播出日期,带英文引号,如 "2019-02-28",不晚于数据截至日期',
    media: "媒体与期数,与 exposures.csv 的 media 一致",
    items: "本期曝光的问题编号,每行「  - HB-2019-0002」,须是 exposures.csv 中已有的编号",
  },
  dates: ["airedOn"],
  unique: "number",
  references: { key: "items", table: EXPOSURES_FILE },
} satisfies ContentCollection;

export const contentCollections: readonly ContentCollection[] = [
  pagesCollection,
  episodesCollection,
];
