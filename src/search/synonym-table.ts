import { existsSync } from "node:fs";
import { join } from "node:path";
import type { DataContext } from "../data/context.ts";
import { quote } from "../data/issues.ts";
import { text, yesNo } from "../data/fields.ts";
import { defineTable } from "../data/table.ts";
import { splitSynonyms, type SynonymRule } from "./synonyms.ts";

/**
 * `search-synonyms.csv`: words that count as the word a reader typed (污染 also finds 污水,
 * 排污, 直排), applied when a search runs, so an edit needs no new index. Optional: without
 * the file, search matches what was typed and nothing else.
 */
export const searchSynonymsTable = defineTable({
  file: "search-synonyms.csv",
  title: "搜索同义词",
  primaryKey: "term",
  columns: {
    /** What a reader types, e.g. 污染. */
    term: text({ doc: "读者会输入的词，如 污染", max: 20 }),
    /** Words that also count as a match, separated by spaces or 、, e.g. 污水 排污 直排. */
    synonyms: text({ doc: "也算找到的词，用空格或顿号分开，如 污水 排污 直排", max: 200 }),
    /** 是: every word of the row finds the others too (噪音 ↔ 噪声); 否: only the term does. */
    both_ways: yesNo({
      doc: "填「是」：这一行的词互相通用，输入其中任何一个都能找到含其他词的内容；填「否」：只有输入 term 时才扩展",
    }),
  },
  check: (row, report) => {
    const words = splitSynonyms(row.synonyms);
    if (words.length === 0) report("synonyms", "没有同义词", "至少一个词，用空格或顿号分开");
    if (words.includes(row.term)) {
      report("synonyms", `同义词里又写了 term 本身${quote(row.term)}`, "只写其他的词");
    }
  },
});

/** Reads the synonyms through the one data path; an absent file means no synonyms. */
export function readSearchSynonyms(ctx: DataContext): SynonymRule[] {
  if (!existsSync(join(ctx.dataDir, searchSynonymsTable.file))) return [];
  return ctx.read(searchSynonymsTable).map(({ row }) => ({
    term: row.term,
    synonyms: splitSynonyms(row.synonyms),
    bothWays: row.both_ways,
  }));
}
