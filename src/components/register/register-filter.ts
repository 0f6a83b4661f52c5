import type { FilterIndex, IndexRow, ListColumn } from "../../registers/listing.ts";
import { itemHref, pageCount, pageWindow } from "../../registers/listing.ts";
import type { FilterDefinitions, FilterState } from "../../registers/filtering.ts";
import { subsetCsv } from "../../registers/csv-subset.ts";
import { formatCount } from "../../format/numbers.ts";
import {
  applyFilter,
  defaultSort,
  isFiltered,
  readState,
  writeQuery,
} from "../../registers/filtering.ts";

/**
 * `<gs-register-filter>`: combinable filters and sorting over a whole register. Without JS
 * its form stays hidden and readers browse the per-county and per-status pages. With JS
 * the form appears; the first time a filter is used (or a shared link carries one) the
 * register's compact JSON index is fetched once, and results are drawn by cloning the
 * server-rendered row prototype. The query string is the state, so links can be shared.
 */
class RegisterFilterElement extends HTMLElement {
  #definitions: FilterDefinitions = { facets: [], flags: [], sorts: [] };
  #index: Promise<FilterIndex> | undefined;
  /** Incremented per render, so a slow fetch cannot overwrite a newer result. */
  #generation = 0;
  /** The path whose list the server rendered; an unfiltered state returns to it. */
  #staticPath = "";

  connectedCallback(): void {
    const definitions = this.querySelector("script[data-definitions]")?.textContent;
    const form = this.querySelector("form");
    if (!definitions || !form) return;
    this.#definitions = JSON.parse(definitions) as FilterDefinitions;
    this.#fillOptions(form);
    this.#staticPath = window.location.pathname;
    form.hidden = false;
    form.addEventListener("change", () => this.#go({ ...this.#readForm(form), page: 1 }));
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      this.#go({ ...this.#readForm(form), page: 1 });
    });
    form.addEventListener("reset", (event) => {
      event.preventDefault();
      const cleared = readState(new URLSearchParams(), this.#definitions);
      this.#writeForm(form, cleared);
      this.#go(cleared);
    });
    this.querySelector("[data-pager]")?.addEventListener("click", (event) => {
      const link = event.target instanceof Element ? event.target.closest("a[data-page]") : null;
      if (!(link instanceof HTMLAnchorElement)) return;
      event.preventDefault();
      const state = readState(new URLSearchParams(link.search), this.#definitions);
      this.#go(state);
      this.querySelector<HTMLElement>("[data-count]")?.focus();
    });
    this.querySelector("[data-download] button")?.addEventListener("click", () => {
      void this.#download();
    });
    window.addEventListener("popstate", () => this.#restore(form));
    this.#restore(form);
  }

  /** The facet selects' options, written once from the definitions (see RegisterFilter.astro). */
  #fillOptions(form: HTMLFormElement): void {
    for (const facet of this.#definitions.facets) {
      const select = form.elements.namedItem(facet.key);
      if (!(select instanceof HTMLSelectElement) || select.options.length > 1) continue;
      select.append(...facet.values.map((value) => new Option(value.label, value.value)));
    }
  }

  #restore(form: HTMLFormElement): void {
    const state = readState(new URLSearchParams(window.location.search), this.#definitions);
    this.#writeForm(form, state);
    this.#cite();
    void this.#render(state);
  }

  /** A filtered view is its own permalink: the page's citation follows the address bar. */
  #cite(): void {
    const citation = document.querySelector<HTMLElement>("[data-citation-url]");
    const original = citation?.dataset["citationUrl"];
    if (!citation || !original) return;
    const current = citation.dataset["currentUrl"] ?? original;
    const next = new URL(window.location.pathname + window.location.search, original).href;
    for (const node of citation.querySelectorAll<HTMLElement>("[data-cite-url]")) {
      if (node instanceof HTMLAnchorElement) node.href = next;
      node.textContent = (node.textContent ?? "").replace(current, next);
    }
    const copy = citation.querySelector<HTMLElement>("gs-copy-text");
    if (copy) copy.dataset["text"] = (copy.dataset["text"] ?? "").replace(current, next);
    citation.dataset["currentUrl"] = next;
  }

  /** 下载当前结果: the full CSV cut to the matching ids, saved from the browser. */
  async #download(): Promise<void> {
    const status = this.querySelector<HTMLElement>("[data-download-status]");
    const url = this.dataset["csv"];
    if (!url || !status) return;
    status.textContent = "正在生成…";
    try {
      const state = readState(new URLSearchParams(window.location.search), this.#definitions);
      const [index, response] = await Promise.all([this.#load(), fetch(url)]);
      if (!response.ok) throw new Error(`gs-register-filter: ${url} answered ${response.status}`);
      const ids = new Set(applyFilter(index, state).map((row) => row[0]));
      const text = subsetCsv(await response.text(), ids);
      const anchor = document.createElement("a");
      anchor.href = URL.createObjectURL(new Blob([text], { type: "text/csv;charset=utf-8" }));
      anchor.download = this.dataset["csvName"] ?? "result.csv";
      anchor.hidden = true;
      this.append(anchor);
      anchor.click();
      anchor.remove();
      status.textContent = `已生成${ids.size}条记录的CSV。`;
    } catch (error) {
      status.textContent = "生成失败，请改用完整下载。";
      console.error(error);
    }
  }

  #go(state: FilterState): void {
    const base = this.dataset["base"] ?? this.#staticPath;
    const target = isFiltered(state, this.#definitions)
      ? `${base}${writeQuery(state, this.#definitions)}`
      : this.#staticPath;
    window.history.pushState(null, "", target);
    this.#cite();
    void this.#render(state);
  }

  #readForm(form: HTMLFormElement): FilterState {
    const data = new FormData(form);
    const facets = new Map<string, string>();
    for (const facet of this.#definitions.facets) {
      const value = data.get(facet.key);
      if (typeof value === "string" && value !== "") facets.set(facet.key, value);
    }
    const flags = new Set(
      this.#definitions.flags.filter((flag) => data.get(flag.key) === "1").map((flag) => flag.key),
    );
    const sort = data.get("sort");
    return {
      facets,
      flags,
      sort: typeof sort === "string" ? sort : defaultSort(this.#definitions),
      page: 1,
    };
  }

  #writeForm(form: HTMLFormElement, state: FilterState): void {
    for (const facet of this.#definitions.facets) {
      const select = form.elements.namedItem(facet.key);
      if (select instanceof HTMLSelectElement) select.value = state.facets.get(facet.key) ?? "";
    }
    for (const flag of this.#definitions.flags) {
      const box = form.elements.namedItem(flag.key);
      if (box instanceof HTMLInputElement) box.checked = state.flags.has(flag.key);
    }
    const sort = form.elements.namedItem("sort");
    if (sort instanceof HTMLSelectElement) sort.value = state.sort;
  }

  #load(): Promise<FilterIndex> {
    const url = this.dataset["index"];
    if (!url) return Promise.reject(new Error("gs-register-filter: data-index is missing"));
    this.#index ??= fetch(url).then(async (response) => {
      if (!response.ok) throw new Error(`gs-register-filter: ${url} answered ${response.status}`);
      return (await response.json()) as FilterIndex;
    });
    return this.#index;
  }

  async #render(state: FilterState): Promise<void> {
    const generation = ++this.#generation;
    const count = this.querySelector<HTMLElement>("[data-count]");
    const results = this.querySelector<HTMLElement>("[data-results]");
    const staticList = this.querySelector<HTMLElement>("[data-static]");
    if (!count || !results || !staticList) return;
    if (!isFiltered(state, this.#definitions)) {
      results.hidden = true;
      staticList.hidden = false;
      count.textContent = "";
      return;
    }
    count.textContent = "正在载入筛选数据…";
    let index: FilterIndex;
    try {
      index = await this.#load();
    } catch (error) {
      this.#index = undefined; // let the next change retry
      count.textContent = "筛选数据载入失败。请稍后再试，或使用下方按区县、按状态浏览的链接。";
      console.error(error);
      return;
    }
    if (generation !== this.#generation) return;
    const matches = applyFilter(index, state);
    const totalPages = pageCount(matches.length, index.pageSize);
    const page = Math.min(state.page, totalPages);
    const shown = matches.slice((page - 1) * index.pageSize, page * index.pageSize);
    this.#drawRows(index, shown);
    this.#drawPager(state, page, totalPages);
    count.textContent =
      matches.length === 0
        ? "没有符合条件的事项。"
        : `共${matches.length}条符合条件${totalPages > 1 ? `，第${page}页，共${totalPages}页` : ""}。`;
    staticList.hidden = true;
    results.hidden = false;
  }

  #drawRows(index: FilterIndex, rows: readonly IndexRow[]): void {
    const body = this.querySelector("[data-results] [data-rows]");
    const prototype = this.querySelector("template[data-row-prototype]");
    if (!body || !(prototype instanceof HTMLTemplateElement)) return;
    const fill = index.columns.map((column) => cellFiller(index, column));
    const fragment = document.createDocumentFragment();
    for (const row of rows) {
      const tr = prototype.content.firstElementChild?.cloneNode(true);
      if (!(tr instanceof Element)) return;
      fill.forEach((fillCell, i) => {
        const cell = tr.children[i];
        if (cell) fillCell(cell, row);
      });
      fragment.append(tr);
    }
    body.replaceChildren(fragment);
  }

  #drawPager(state: FilterState, page: number, totalPages: number): void {
    const pager = this.querySelector("[data-pager]");
    if (!pager) return;
    const list = document.createElement("ul");
    const base = this.dataset["base"] ?? window.location.pathname;
    const link = (target: number, text: string) => {
      const item = document.createElement("li");
      const anchor = document.createElement("a");
      anchor.href = `${base}${writeQuery({ ...state, page: target }, this.#definitions)}`;
      anchor.dataset["page"] = String(target);
      anchor.textContent = text;
      if (target === page && text === String(target)) anchor.setAttribute("aria-current", "page");
      item.append(anchor);
      list.append(item);
    };
    if (totalPages > 1) {
      if (page > 1) link(page - 1, "上一页");
      for (const n of pageWindow(page, totalPages)) {
        if (n === "gap") {
          const gap = document.createElement("li");
          gap.setAttribute("aria-hidden", "true");
          gap.textContent = "…";
          list.append(gap);
        } else {
          link(n, String(n));
        }
      }
      if (page < totalPages) link(page + 1, "下一页");
    }
    pager.replaceChildren(list);
  }
}

type CellFiller = (cell: Element, row: IndexRow) => void;

/** How one column's cell is filled from an index row; resolved once per render. */
function cellFiller(index: FilterIndex, column: ListColumn): CellFiller {
  switch (column.kind) {
    case "title":
      return (cell, row) => {
        const anchor = cell.querySelector("a");
        if (!anchor) return;
        anchor.href = itemHref(index, row[0]);
        anchor.textContent = row[1];
        // Marker words of flags (久未更新): shown when the row has the flag's bit.
        for (const marker of cell.querySelectorAll<HTMLElement>("[data-flag]")) {
          const bit = index.flags.findIndex((flag) => flag.key === marker.dataset["flag"]);
          marker.hidden = bit < 0 || (row[4] & (1 << bit)) === 0;
        }
      };
    case "facet": {
      const position = index.facets.findIndex((facet) => facet.key === column.facet);
      const facet = index.facets[position];
      return (cell, row) => {
        const value = facet?.values[row[2][position] ?? -1];
        const badge = cell.querySelector<HTMLElement>("[data-tone]");
        if (badge) {
          badge.textContent = value?.label ?? "";
          badge.dataset["tone"] = value?.tone ?? "todo";
        } else {
          cell.textContent = value?.label ?? "";
        }
      };
    }
    case "date": {
      const position = index.valueKeys.indexOf(column.value);
      return (cell, row) => {
        const value = row[3][position];
        const time = cell.querySelector("time");
        if (typeof value === "string" && time) {
          time.dateTime = value;
          time.textContent = value;
        } else {
          cell.textContent = "—";
        }
      };
    }
    case "days": {
      const position = index.valueKeys.indexOf(column.value);
      return (cell, row) => {
        const value = row[3][position];
        cell.textContent = typeof value === "number" ? formatCount(value) : "—";
      };
    }
    case "text": {
      const position = index.valueKeys.indexOf(column.value);
      return (cell, row) => {
        const value = row[3][position];
        cell.textContent = typeof value === "string" ? value : "—";
      };
    }
  }
}

export function defineRegisterFilter(): void {
  if (!customElements.get("gs-register-filter")) {
    customElements.define("gs-register-filter", RegisterFilterElement);
  }
}
