import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import Papa from "papaparse";
import { timeCommand, type ProcessFigures } from "./measure.ts";

/**
 * The peer the build is measured against: the same synthetic records rendered by Hugo (a
 * minimal site: one page per item of every register with its facts, text and timeline,
 * paginated section lists) and indexed by stock Pagefind, the usual static-site pairing. Debian's `hugo`
 * (`bash scripts/ensure-hugo.sh` installs it when asked); Pagefind from node_modules.
 * The peer's site is generated before it is timed, as the benchmark's data is.
 */

export interface PeerFigures {
  hugo: ProcessFigures;
  /** Absent when only the peer's pages were built, or when Pagefind did not finish. */
  pagefind: ProcessFigures | undefined;
  /** Why stock Pagefind did not finish (at 100,000 long Chinese pages it runs out of memory). */
  pagefindFailure?: string;
  version: string;
  pages: number;
}

const read = (file: string) =>
  Papa.parse<Record<string, string>>(readFileSync(file, "utf8").replace(/^\uFEFF/, ""), {
    header: true,
    skipEmptyLines: true,
  }).data;

/** Hugo front matter and Markdown are not HTML: escape what the templates print as text. */
const yaml = (value: string) => JSON.stringify(value);

const LAYOUT_BASE = `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>{{ .Title }} · {{ .Site.Title }}</title>
<meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body><header><a href="/">{{ .Site.Title }}</a></header><main>{{ block "main" . }}{{ end }}</main></body></html>
`;

const LAYOUT_SINGLE = `{{ define "main" }}<article data-pagefind-body>
<h1>{{ .Title }}</h1>
<span data-pagefind-filter="county">{{ .Params.county }}</span>
<span data-pagefind-filter="status">{{ .Params.status }}</span>
<span data-pagefind-filter="year">{{ .Date.Format "2006" }}</span>
<dl>{{ range .Params.facts }}<dt>{{ index . 0 }}</dt><dd>{{ index . 1 }}</dd>{{ end }}</dl>
{{ .Content }}
<ol>{{ range .Params.timeline }}<li><time>{{ index . 0 }}</time> {{ index . 1 }}</li>{{ end }}</ol>
</article>{{ end }}
`;

const LAYOUT_LIST = `{{ define "main" }}<h1>{{ .Title }}</h1><ul>
{{ range .Paginator.Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> {{ .Params.county }} {{ .Params.status }}</li>{{ end }}
</ul>{{ template "_internal/pagination.html" . }}{{ end }}
`;

/** Cells longer than this are the item's text (paragraphs); shorter ones are its facts. */
const TEXT_CELL = 40;

/**
 * Writes the peer's Hugo site for the benchmark's data directory: one page per row of every
 * register table (a CSV with `id`, `region_code` and `status`), its long cells as text, its
 * short cells as facts, its timeline (rows of any CSV with `item_id`) as a list. A letter
 * without the writer's consent shows no title, content or reply, as on Gongshi. Returns the
 * number of pages.
 */
export function writePeerSite(dataDir: string, siteDir: string): number {
  rmSync(siteDir, { recursive: true, force: true });
  mkdirSync(join(siteDir, "layouts/_default"), { recursive: true });
  writeFileSync(
    join(siteDir, "hugo.toml"),
    'baseURL = "https://example.org/"\nlanguageCode = "zh-cn"\ntitle = "公示(对照)"\npaginate = 50\n',
  );
  writeFileSync(join(siteDir, "layouts/_default/baseof.html"), LAYOUT_BASE);
  writeFileSync(join(siteDir, "layouts/_default/single.html"), LAYOUT_SINGLE);
  writeFileSync(join(siteDir, "layouts/_default/list.html"), LAYOUT_LIST);
  const tables = readdirSync(dataDir)
    .filter((file) => file.endsWith(".csv"))
    .map((file) => ({ name: file.slice(0, -4), rows: read(join(dataDir, file)) }));
  const regions = new Map(
    (tables.find((table) => table.name === "regions")?.rows ?? []).map((r) => [
      r["code"],
      r["name"],
    ]),
  );
  const timelines = new Map<string, string[][]>();
  for (const table of tables) {
    for (const row of table.rows) {
      const id = row["item_id"];
      if (id === undefined) continue;
      const list = timelines.get(id) ?? [];
      list.push([row["date"] ?? "", `${row["kind"] ?? ""} ${row["summary"] ?? ""}`]);
      timelines.set(id, list);
    }
  }
  let count = 0;
  for (const table of tables) {
    const [first] = table.rows;
    if (!first || !("id" in first && "region_code" in first && "status" in first)) continue;
    mkdirSync(join(siteDir, "content", table.name), { recursive: true });
    for (const row of table.rows) {
      const id = row["id"] ?? "";
      const withheld = row["consent_to_publish"] === "否";
      const cells = Object.entries(row).filter(
        ([column, value]) =>
          value !== "" && !(withheld && ["title", "content", "reply"].includes(column)),
      );
      const date = cells.find(([column]) => column.endsWith("_on"))?.[1] ?? "";
      const title = withheld ? `${id} 来信` : (row["title"] ?? row["name"] ?? id);
      const facts = cells.filter(([, value]) => value.length <= TEXT_CELL);
      const text = cells.filter(([, value]) => value.length > TEXT_CELL);
      const front = [
        "---",
        `title: ${yaml(title)}`,
        `date: ${date}`,
        `county: ${yaml(regions.get(row["region_code"]) ?? "")}`,
        `status: ${yaml(row["status"] ?? "")}`,
        `facts: ${JSON.stringify(facts)}`,
        `timeline: ${JSON.stringify(timelines.get(id) ?? [])}`,
        "---",
      ];
      const body = text.map(([column, value]) => `## ${column}\n\n${value}`).join("\n\n");
      writeFileSync(
        join(siteDir, "content", table.name, `${id}.md`),
        `${front.join("\n")}\n${body}\n`,
      );
      count++;
    }
  }
  return count;
}

/** Builds the peer site: Hugo, then stock Pagefind over Hugo's output. */
export async function buildPeer(
  siteDir: string,
  logFile: string,
  { index }: { index: boolean },
): Promise<PeerFigures> {
  const version = execFileSync("hugo", ["version"], { encoding: "utf8" }).trim();
  const output = join(siteDir, "public");
  const hugo = await timeCommand("hugo", ["--source", siteDir, "--quiet"], process.env, logFile);
  if (!existsSync(join(output, "index.html"))) throw new Error(`hugo wrote no site (${logFile})`);
  if (!index) return { hugo, pagefind: undefined, version, pages: 0 };
  let pagefind: ProcessFigures;
  try {
    pagefind = await timeCommand(
      join("node_modules", ".bin", "pagefind"),
      ["--site", output],
      process.env,
      `${logFile}.pagefind`,
    );
  } catch (error) {
    // The peer failing is a figure of the comparison, not the end of the benchmark.
    const reason = error instanceof Error ? error.message : String(error);
    return { hugo, pagefind: undefined, pagefindFailure: reason, version, pages: 0 };
  }
  const pages = Number(
    /Indexed (\d+) page/.exec(readFileSync(`${logFile}.pagefind`, "utf8"))?.[1] ?? 0,
  );
  return { hugo, pagefind, version, pages };
}

/** True when Debian's hugo is on the PATH. */
export function hugoAvailable(): boolean {
  try {
    execFileSync("hugo", ["version"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}
