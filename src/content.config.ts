import { defineCollection } from "astro:content";
import { glob } from "astro/loaders";
import { getDataset, registerData } from "./site/dataset.ts";
import { exposures as exposuresRegister } from "./registers/exposures/index.ts";
import { episodesCollection, pagesCollection } from "./site/content.ts";

/** The content directory: `GONGSHI_CONTENT_DIR`, or `content/`. */
const contentDir = process.env["GONGSHI_CONTENT_DIR"] ?? "./content";

/** Prose pages (about, guides) written by editors in MDX; front matter in site/content.ts. */
const pages = defineCollection({
  loader: glob({ pattern: "*.mdx", base: `${contentDir}/${pagesCollection.folder}` }),
  schema: pagesCollection.schema.strict(),
});

/**
 * 环保曝光台 episode write-ups (`content/episodes/*.mdx`), each naming the register items it
 * exposed. `npm run validate` checks them first (src/site/content.ts: ids, dates, unique
 * numbers); the refinement below keeps `astro build` alone from publishing an unknown id.
 */
const episodes = defineCollection({
  loader: glob({ pattern: "*.mdx", base: `${contentDir}/${episodesCollection.folder}` }),
  schema: episodesCollection.schema.strict().superRefine(({ items }, ctx) => {
    const known = registerData(getDataset(), exposuresRegister)?.byId ?? new Map();
    for (const id of items) {
      if (!known.has(id))
        ctx.addIssue({ code: "custom", message: `编号「${id}」在 exposures.csv 中不存在` });
    }
  }),
});

export const collections = { pages, episodes };
