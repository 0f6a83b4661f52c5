import { defineCollection } from "astro:content";
import { glob } from "astro/loaders";
import { z } from "astro/zod";
import { getDataset, registerData } from "./site/dataset.ts";
import { exposures as exposuresRegister } from "./registers/exposures/index.ts";
import { isIsoDate } from "./data/dates.ts";

/** The content directory: `GONGSHI_CONTENT_DIR`, or `content/`. */
const contentDir = process.env["GONGSHI_CONTENT_DIR"] ?? "./content";

/** Prose pages (about, guides) written by editors in MDX. */
const pages = defineCollection({
  loader: glob({ pattern: "*.mdx", base: `${contentDir}/pages` }),
  schema: z.object({
    /** Page title. */
    title: z.string(),
    /** One-sentence summary for search engines and link previews. */
    description: z.string(),
  }),
});

/**
 * 环保曝光台 episode write-ups (`content/episodes/*.mdx`), each naming the register items it
 * exposed; an id that is not in exposures.csv fails the build.
 */
const episodes = defineCollection({
  loader: glob({ pattern: "*.mdx", base: `${contentDir}/episodes` }),
  schema: z.object({
    /** Page title, e.g. 第1期:…. */
    title: z.string(),
    /** One-sentence summary. */
    description: z.string(),
    /** Episode number (期数); the page URL is /exposures/episodes/<number>/. */
    number: z.number().int().positive(),
    /** Broadcast or publication day, YYYY-MM-DD. */
    airedOn: z.string().refine(isIsoDate, "须为 YYYY-MM-DD 格式的真实日期"),
    /** Programme and episode as in exposures.csv `media`. */
    media: z.string(),
    /** Ids of the problems this episode exposed. */
    items: z
      .array(z.string())
      .min(1)
      .superRefine((ids, ctx) => {
        const known = registerData(getDataset(), exposuresRegister)?.byId ?? new Map();
        for (const id of ids) {
          if (!known.has(id))
            ctx.addIssue({ code: "custom", message: `编号「${id}」在 exposures.csv 中不存在` });
        }
      }),
  }),
});

export const collections = { pages, episodes };
