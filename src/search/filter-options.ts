import { escapeXml } from "../format/markup.ts";
import { decodeEntities } from "./extract.ts";
import { FILTER_KEYS, type FilterKey } from "./query.ts";

/**
 * The search page's filter options, written into its built HTML by the indexer from the very
 * filter values the index holds: the dropdowns are complete when the page loads (issue 16),
 * with no request, and can never offer a value the index lacks or miss one it has.
 */

/** Newest year first; counties in the jurisdiction's own order; other values by pinyin. */
export function orderFilterValues(
  key: FilterKey,
  values: Iterable<string>,
  countyOrder: readonly string[],
): string[] {
  const rank = (value: string) => {
    const at = countyOrder.indexOf(value);
    return at < 0 ? countyOrder.length : at;
  };
  return [...values].sort((a, b) => {
    if (key === "year") return b.localeCompare(a);
    if (key === "county" && rank(a) !== rank(b)) return rank(a) - rank(b);
    return a.localeCompare(b, "zh-CN");
  });
}

/** The counties in order, as the search panel states them (`data-counties`). */
function countyOrderOf(html: string): string[] {
  const attribute = /<gs-search\b[^>]*\sdata-counties="([^"]*)"/u.exec(html)?.[1];
  if (attribute === undefined) return [];
  const parsed: unknown = JSON.parse(decodeEntities(attribute));
  return Array.isArray(parsed)
    ? parsed.filter((name): name is string => typeof name === "string")
    : [];
}

/**
 * The search page with each filter's values as options after its 全部 option; a filter no
 * page carries (no statuses on a site of articles) is hidden. Pages without the search panel
 * come back unchanged.
 */
export function withFilterOptions(
  html: string,
  values: ReadonlyMap<string, ReadonlySet<string>>,
): string {
  if (!html.includes("<gs-search")) return html;
  const countyOrder = countyOrderOf(html);
  let out = html;
  for (const key of FILTER_KEYS) {
    // Everything after 全部 is replaced, so writing the options again (a re-index) is safe.
    const select = new RegExp(
      `(<select id="gs-search-${key}"[^>]*><option value=""[^>]*>全部</option>)[\\s\\S]*?</select>`,
      "u",
    );
    const match = select.exec(out);
    if (!match) throw new Error(`search page: no select for the ${key} filter`);
    const options = orderFilterValues(key, values.get(key) ?? [], countyOrder)
      .map((value) => `<option value="${escapeXml(value)}">${escapeXml(value)}</option>`)
      .join("");
    out = `${out.slice(0, match.index)}${match[1] ?? ""}${options}</select>${out.slice(match.index + match[0].length)}`;
    const wrapper = out.lastIndexOf('<div class="filter"', match.index);
    const hiddenWrapper = out.lastIndexOf('<div hidden class="filter"', match.index);
    if (options === "" && wrapper > hiddenWrapper) {
      out = `${out.slice(0, wrapper + 4)} hidden${out.slice(wrapper + 4)}`;
    } else if (options !== "" && hiddenWrapper > wrapper) {
      out = `${out.slice(0, hiddenWrapper + 4)}${out.slice(hiddenWrapper + 11)}`;
    }
  }
  return out;
}
