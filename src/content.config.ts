import { defineCollection } from "astro:content";
import { glob } from "astro/loaders";
import { z } from "astro/zod";
import { getDataset } from "./data/dataset.ts";

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

/** County-level divisions, from the validated data path. */
const counties = defineCollection({
  loader: () => getDataset().counties.map((region) => ({ id: region.code, ...region })),
});

export const collections = { pages, counties };
