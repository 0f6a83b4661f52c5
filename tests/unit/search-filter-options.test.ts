import { describe, expect, test } from "vitest";
import { orderFilterValues, withFilterOptions } from "../../src/search/filter-options.ts";

const select = (key: string) =>
  `<div class="filter" data-filter data-astro-cid-x><label for="gs-search-${key}">x</label>` +
  `<select id="gs-search-${key}" name="${key}" data-astro-cid-x><option value="" data-astro-cid-x>全部</option></select></div>`;
const page =
  `<gs-search data-counties="[&quot;市中区&quot;,&quot;沙湾区&quot;]"><form>` +
  ["register", "county", "status", "year"].map(select).join("") +
  `</form></gs-search>`;

describe("the search page's filter options", () => {
  test("are written into the page from the index's values, in the reader's order", () => {
    const html = withFilterOptions(
      page,
      new Map([
        ["county", new Set(["沙湾区", "市中区"])],
        ["year", new Set(["2023", "2025", "2024"])],
        ["register", new Set(["书记信箱"])],
        ["status", new Set(["整改中"])],
      ]),
    );
    expect(html).toContain(
      '<option value="" data-astro-cid-x>全部</option><option value="市中区">市中区</option><option value="沙湾区">沙湾区</option></select>',
    );
    expect(html).toContain(
      '<option value="2025">2025</option><option value="2024">2024</option><option value="2023">2023</option>',
    );
    expect(html).not.toContain("hidden");
  });

  test("hide a filter no page carries", () => {
    const html = withFilterOptions(page, new Map([["county", new Set(["市中区"])]]));
    expect(html.match(/<div hidden class="filter"/g)).toHaveLength(3);
  });

  test("replace what an earlier index wrote", () => {
    const once = withFilterOptions(page, new Map([["county", new Set(["市中区"])]]));
    const twice = withFilterOptions(once, new Map([["status", new Set(["整改中"])]]));
    expect(twice).not.toContain('value="市中区"');
    expect(twice).toContain('value="整改中"');
    expect(twice.match(/<div hidden class="filter"/g)).toHaveLength(3);
  });

  test("leave other pages alone", () => {
    expect(withFilterOptions("<main></main>", new Map())).toBe("<main></main>");
  });

  test("put unknown counties after the known ones", () => {
    expect(orderFilterValues("county", ["外地", "沙湾区", "市中区"], ["市中区", "沙湾区"])).toEqual(
      ["市中区", "沙湾区", "外地"],
    );
  });
});
