import { expect, test } from "vitest";
import { searchablePages, substringMatches } from "../../scripts/search-bench/labels.ts";
import { readQuerySet } from "../../scripts/search-bench/scoring.ts";
import { distDir } from "./harness.ts";

/**
 * The search benchmark's 128 labelled queries (tests/fixtures/search-queries.json) score the
 * search against the pages each query should find. Those labels follow the demo data: when
 * a commit changes an item's status or adds a letter, a label left behind would count a right
 * result as wrong (it happened: three letters answered, counted wrong under 已回复). Each
 * label must still be what a plain substring search of the built pages finds.
 */
test("every labelled search query expects exactly the pages whose text holds it", async () => {
  const pages = await searchablePages(distDir());
  const stale = readQuerySet("tests/fixtures/search-queries.json").flatMap(
    ({ query, filters = {}, expected, type }) => {
      const found = substringMatches(pages, query, filters, type);
      const lacking = found.filter((url) => !expected.includes(url));
      const extra = expected.filter((url) => !found.includes(url));
      return lacking.length + extra.length === 0
        ? []
        : [`${query} ${JSON.stringify(filters)}: label lacks ${lacking} / has ${extra}`];
    },
  );
  expect(stale).toEqual([]);
});
