import { ORIGINAL_TEXT_META, SHARD_MANIFEST_FILE, type ShardManifest } from "./bundle.ts";
import { runSearch, type SearchOutcome } from "./engine.ts";
import { withDateForms } from "./dates.ts";
import { buildSnippet, contentTokens, displayTitle, displayTokens } from "./excerpt.ts";
import { anyTermResults, shorterQueries, type ShorterQuery } from "./fallback.ts";
import type { PagefindModule, PagefindResult } from "./pagefind-api.ts";
import {
  allowsApproximate,
  FILTER_KEYS,
  isActive,
  queryTerms,
  SORT_ORDERS,
  stateFromParams,
  stateToParams,
  type FilterKey,
  type QueryTerm,
  type SearchState,
  termsAsFields,
} from "./query.ts";
import { synonymIndex, withSynonyms, type SynonymRule } from "./synonyms.ts";
import { needsConverter } from "./traditional.ts";

/**
 * `<gs-search>`: the search page's form and results. The markup (form, status line, result
 * list) is server-rendered in SearchPanel.astro; this element reveals it, loads Pagefind on
 * first use, and keeps the search in the URL.
 *
 * Folding (Traditional to Simplified, about 24 KB) is loaded only when a query holds a
 * character that folding may change (traditional.ts); the index holds folded text only.
 */

const PAGE_SIZE = 10;

const TYPING_PAUSE_MS = 300;

/** Pages up to which Pagefind runs on the page itself rather than in its worker. */
const MAIN_THREAD_PAGES = 2_000;

interface Engine {
  pagefind: PagefindModule;
  shards: ShardManifest;
}

type Fold = (text: string) => string;
const unfolded: Fold = (text) => text;

function required<T extends Element>(root: ParentNode, selector: string, type: new () => T): T {
  const element = root.querySelector(selector);
  if (!(element instanceof type)) throw new Error(`<gs-search> needs ${selector}`);
  return element;
}

class GsSearch extends HTMLElement {
  #engine: Promise<Engine> | undefined;
  #fold: Promise<Fold> | undefined;
  #form!: HTMLFormElement;
  #input!: HTMLInputElement;
  #status!: HTMLElement;
  #results!: HTMLElement;
  #note!: HTMLElement;
  #anyTermNote!: HTMLElement;
  #fallback!: HTMLElement;
  #shorter!: HTMLElement;
  #shorterList!: HTMLUListElement;
  #synonyms: SynonymRule[] = [];
  #list!: HTMLOListElement;
  #more!: HTMLButtonElement;
  #typing: ReturnType<typeof setTimeout> | undefined;
  /** Counts searches so that a slow, superseded one does not overwrite a newer one. */
  #generation = 0;
  #shown: { results: PagefindResult[]; terms: QueryTerm[]; exact: boolean; count: number } = {
    results: [],
    terms: [],
    exact: true,
    count: 0,
  };

  connectedCallback() {
    this.#form = required(this, "form", HTMLFormElement);
    this.#input = required(this, "input[name=q]", HTMLInputElement);
    this.#status = required(this, "[data-status]", HTMLElement);
    this.#results = required(this, "[data-results]", HTMLElement);
    this.#note = required(this, "[data-approximate-note]", HTMLElement);
    this.#anyTermNote = required(this, "[data-any-term-note]", HTMLElement);
    this.#fallback = required(this, "[data-fallback]", HTMLElement);
    this.#shorter = required(this, "[data-shorter]", HTMLElement);
    this.#shorterList = required(this, "[data-shorter-list]", HTMLUListElement);
    this.#synonyms = parseSynonyms(this.dataset["synonyms"]);
    this.#list = required(this, "[data-list]", HTMLOListElement);
    this.#more = required(this, "[data-more]", HTMLButtonElement);

    required(this, "[data-needs-javascript]", HTMLElement).hidden = true;
    this.#form.hidden = false;

    this.#form.addEventListener("submit", (event) => {
      event.preventDefault();
      clearTimeout(this.#typing);
      void this.#search();
    });
    this.#input.addEventListener("input", () => {
      clearTimeout(this.#typing);
      this.#typing = setTimeout(() => void this.#search(), TYPING_PAUSE_MS);
    });
    this.#form.addEventListener("change", (event) => {
      if (event.target instanceof HTMLSelectElement) void this.#search();
    });
    // Start loading when the reader reaches for the form, so the first search is quick.
    const preload = () => void this.#load().catch((error: unknown) => this.#report(error));
    this.#form.addEventListener("focusin", preload, { once: true });
    this.#form.addEventListener("pointerdown", preload, { once: true });
    this.#more.addEventListener("click", () => void this.#showMore(true));
    window.addEventListener("popstate", () => this.#restore());
    this.#restore();
  }

  /** Fills the form from the URL and runs the search it describes. */
  #restore() {
    const state = stateFromParams(new URLSearchParams(window.location.search));
    this.#input.value = state.query;
    for (const key of FILTER_KEYS) this.#choose(key, state.filters[key] ?? "");
    this.#select("sort").value = state.sort === "relevance" ? "" : state.sort;
    if (isActive(state)) void this.#search(false);
  }

  #select(name: FilterKey | "sort"): HTMLSelectElement {
    return required(this.#form, `select[name=${name}]`, HTMLSelectElement);
  }

  /**
   * Chooses `value` in a filter. A value the index does not hold (an old link) is still
   * offered and chosen, so the search finds nothing rather than silently dropping it.
   */
  #choose(key: FilterKey, value: string) {
    const select = this.#select(key);
    if (value !== "" && ![...select.options].some((option) => option.value === value)) {
      select.add(new Option(value, value));
    }
    select.value = value;
  }

  #state(): SearchState {
    const sort = this.#select("sort").value;
    const filters: SearchState["filters"] = {};
    for (const key of FILTER_KEYS) {
      const value = this.#select(key).value;
      if (value) filters[key] = value;
    }
    return {
      query: this.#input.value.trim(),
      filters,
      sort: SORT_ORDERS.find((order) => order === sort) ?? "relevance",
    };
  }

  #load(): Promise<Engine> {
    this.#engine ??= (async () => {
      const bundle = this.dataset["bundle"] ?? "/pagefind/";
      const [pagefind, shards] = await Promise.all([
        // Pagefind's module exists only in the built site, so the bundler must not follow it.
        import(/* @vite-ignore */ `${bundle}pagefind.js`) as Promise<PagefindModule>,
        fetch(`${bundle}${SHARD_MANIFEST_FILE}`).then(
          (response) => response.json() as Promise<ShardManifest>,
        ),
      ]);
      // Pagefind writes no index for a site without searchable pages, and fails to start.
      if (shards.pages === 0) return { pagefind, shards };
      await pagefind.options({
        mergeFilter: { [shards.filter]: "0" },
        // A small index searches in milliseconds on the page itself, which saves downloading
        // Pagefind's worker; a large archive searches in the worker so that the page stays
        // responsive while Pagefind reads long lists of positions.
        noWorker: shards.pages <= MAIN_THREAD_PAGES,
      });
      await pagefind.init();
      await Promise.all(
        shards.bundles.map((path, i) =>
          pagefind.mergeIndex(path, { mergeFilter: { [shards.filter]: String(i + 1) } }),
        ),
      );
      return { pagefind, shards };
    })();
    // A failed load (say, a dropped connection) is tried again by the next search.
    this.#engine.catch(() => (this.#engine = undefined));
    return this.#engine;
  }

  #loadFold(): Promise<Fold> {
    this.#fold ??= import("./fold.ts").then((module) => module.fold);
    this.#fold.catch(() => (this.#fold = undefined));
    return this.#fold;
  }

  #report(error: unknown) {
    this.#status.textContent = "搜索暂时无法使用，请稍后再试。";
    console.error(error);
  }

  /** The values a filter offers: written into the page by the indexer (filter-options.ts). */
  #options(key: FilterKey): string[] {
    return [...this.#select(key).options].map((option) => option.value).filter(Boolean);
  }

  async #search(updateUrl = true) {
    const generation = ++this.#generation;
    const state = this.#state();
    if (updateUrl) {
      const params = stateToParams(state).toString();
      const url = `${window.location.pathname}${params ? `?${params}` : ""}`;
      window.history.replaceState(null, "", url);
    }
    if (!isActive(state)) {
      this.#results.hidden = true;
      this.#fallback.hidden = true;
      this.#status.textContent = "";
      return;
    }
    this.#status.textContent = "正在搜索…";
    let outcome: SearchOutcome;
    let terms: QueryTerm[];
    try {
      const engine = await this.#load();
      if (engine.shards.pages === 0) {
        this.#status.textContent = "本站还没有可以搜索的内容。";
        return;
      }
      // The converter loads only for a query that folding may change: a Traditional
      // character (traditional.ts knows them all) or a full-width letter or digit.
      const needsFold =
        needsConverter(state.query) || state.query.normalize("NFKC") !== state.query;
      const asked = this.#asked(state, needsFold ? await this.#loadFold() : unfolded);
      terms = asked.terms;
      outcome = await runSearch(engine.pagefind, engine.shards, asked.state, terms);
    } catch (error) {
      if (generation === this.#generation) this.#report(error);
      return;
    }
    if (generation !== this.#generation) return;
    // No page has every term: first the pages with some of the terms (two terms or more),
    // else the pages with all the characters; with shorter queries and the county pages.
    const found = outcome.exact.length > 0;
    const anyTerm = found ? [] : anyTermResults(outcome.byTerm);
    const kind: "exact" | "any-term" | "approximate" = found
      ? "exact"
      : terms.length > 1 && anyTerm.length > 0
        ? "any-term"
        : outcome.approximate.length > 0 && allowsApproximate(terms)
          ? "approximate"
          : "exact";
    const results =
      kind === "any-term" ? anyTerm : kind === "approximate" ? outcome.approximate : outcome.exact;
    const phrases = kind !== "approximate";
    this.#shown = { results, terms: withAlternatives(terms), exact: phrases, count: 0 };
    this.#list.replaceChildren();
    this.#note.hidden = kind !== "approximate";
    this.#anyTermNote.hidden = kind !== "any-term";
    this.#showFallback(
      found || terms.length === 0 ? undefined : shorterQueries(terms, outcome.byTerm),
      state,
    );
    this.#results.hidden = results.length === 0;
    if (!(await this.#showMore(false, generation))) return;
    this.#status.textContent =
      kind === "any-term"
        ? `没有同时含有全部检索词的结果；含有部分检索词的有${results.length}条。`
        : kind === "approximate"
          ? `没有完全符合的结果；另有${results.length}条近似结果。`
          : results.length === 0
            ? "没有找到结果。"
            : `找到${results.length}条结果。`;
    // For the browser tests and the search benchmark: a count of searches whose results
    // are on the page.
    this.dataset["completedSearches"] = String(Number(this.dataset["completedSearches"] ?? 0) + 1);
  }

  /**
   * What the search asks the index: the query's terms (with synonyms and the other writing of
   * a date), a status or year typed as a word moved into the filters.
   */
  #asked(state: SearchState, fold: Fold): { terms: QueryTerm[]; state: SearchState } {
    const options = { status: this.#options("status"), year: this.#options("year") };
    const fields = termsAsFields(
      withDateForms(this.#terms(state.query, fold)),
      state.filters,
      options,
    );
    return { terms: fields.terms, state: { ...state, filters: fields.filters } };
  }

  /** The query's terms, each with its synonyms from the site's table. */
  #terms(query: string, fold: Fold): QueryTerm[] {
    const cut = (word: string) => queryTerms(word, fold).flatMap((term) => term.tokens);
    const rules = this.#synonyms.map((rule) => ({
      ...rule,
      term: cut(rule.term).join(""),
      synonyms: rule.synonyms.map((word) => cut(word).join("")),
    }));
    return withSynonyms(queryTerms(query, fold), synonymIndex(rules), cut);
  }

  /**
   * The "no result" help: shorter queries that find something (as links, so they work like
   * any search link), and the county pages. Hidden when `shorter` is undefined.
   */
  #showFallback(shorter: ShorterQuery[] | undefined, state: SearchState) {
    this.#fallback.hidden = shorter === undefined;
    const items = (shorter ?? []).map((suggestion) => {
      const item = document.createElement("li");
      const link = document.createElement("a");
      link.href = `?${stateToParams({ ...state, query: suggestion.query }).toString()}`;
      link.textContent = suggestion.query;
      item.append(link, `（${suggestion.count}条）`);
      return item;
    });
    this.#shorterList.replaceChildren(...items);
    this.#shorter.hidden = items.length === 0;
  }

  /**
   * Appends the next page of results; `focus` moves focus to the first one added. Returns
   * false when a newer search has replaced this one meanwhile (nothing is appended then).
   */
  async #showMore(focus: boolean, generation = this.#generation): Promise<boolean> {
    const { results, terms, exact, count } = this.#shown;
    const batch = results.slice(count, count + PAGE_SIZE);
    try {
      const items = await Promise.all(
        batch.map(async (result) => this.#item(await result.data(), terms, exact)),
      );
      if (generation !== this.#generation) return false;
      this.#list.append(...items);
      this.#shown.count = count + batch.length;
      this.#more.hidden = this.#shown.count >= results.length;
      if (focus) items[0]?.querySelector("a")?.focus();
      return true;
    } catch (error) {
      this.#report(error);
      return false;
    }
  }

  async #item(
    data: Awaited<ReturnType<PagefindResult["data"]>>,
    terms: readonly QueryTerm[],
    exact: boolean,
  ): Promise<HTMLLIElement> {
    const item = document.createElement("li");
    const heading = document.createElement("h3");
    const link = document.createElement("a");
    link.href = data.url;
    link.textContent = displayTitle(data.meta) || data.url;
    heading.append(link);
    item.append(heading);

    const folded = contentTokens(data.content);
    // Only a page that folding changed needs folding to show its own characters.
    const original = data.meta[ORIGINAL_TEXT_META];
    const fold = original === undefined ? unfolded : await this.#loadFold();
    const shown = displayTokens(folded, original, fold);
    const excerpt = document.createElement("p");
    excerpt.className = "excerpt";
    for (const part of buildSnippet(folded, shown, terms, exact)) {
      if (part.marked) {
        const mark = document.createElement("mark");
        mark.textContent = part.text;
        excerpt.append(mark);
      } else {
        excerpt.append(part.text);
      }
    }
    if (excerpt.childNodes.length > 0) item.append(excerpt);

    const facts = factsLine(data.filters, data.meta["date"]);
    if (facts !== "") {
      const line = document.createElement("p");
      line.className = "facts";
      line.textContent = facts;
      item.append(line);
    }
    return item;
  }
}

/**
 * A result's facts in one short line: where it belongs, where, in what state and when
 * (环保曝光台问题清单 · 五通桥区 · 整改中 · 2024-03-05).
 */
function factsLine(filters: Readonly<Record<string, string[]>>, date: string | undefined): string {
  const first = (key: FilterKey) => filters[key]?.[0];
  return [first("register"), first("county"), first("status"), date ?? first("year")]
    .filter((fact): fact is string => fact !== undefined && fact !== "")
    .join(" · ");
}

/** Each term and each of its alternatives as a term of its own: what excerpts mark. */
function withAlternatives(terms: readonly QueryTerm[]): QueryTerm[] {
  return terms.flatMap((term) => [
    { tokens: term.tokens },
    ...(term.alternatives ?? []).map((tokens) => ({ tokens })),
  ]);
}

/** The synonym table the page carries; a malformed one is reported and ignored. */
function parseSynonyms(json: string | undefined): SynonymRule[] {
  try {
    const parsed: unknown = JSON.parse(json ?? "[]");
    if (!Array.isArray(parsed)) return [];
    return parsed.filter(
      (rule): rule is SynonymRule =>
        typeof rule === "object" &&
        rule !== null &&
        typeof (rule as SynonymRule).term === "string" &&
        Array.isArray((rule as SynonymRule).synonyms),
    );
  } catch (error) {
    console.error(error);
    return [];
  }
}

customElements.define("gs-search", GsSearch);
