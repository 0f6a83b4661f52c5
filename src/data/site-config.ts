import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "astro/zod";
import { isIsoDate } from "./dates.ts";
import { decodeDataFile } from "./decode.ts";
import type { DataIssue } from "./issues.ts";
import { WHOLE_FILE } from "./issues.ts";

/**
 * A section the site can publish (a register, or the indicators), as the composition root
 * (src/site/sections.ts) declares it. A city lists the ones it runs in `sections`; the data
 * files of a listed section are required, and an unlisted section has no pages, links or
 * downloads at all (rather than an empty page). The data path knows sections only by key.
 */
export interface SectionName {
  key: string;
  title: string;
}

/** The earliest year data may be about when site.json does not say (`earliestYear`). */
export const DEFAULT_EARLIEST_YEAR = 2000;

/** Text that says something: not empty, not only spaces. */
const nonBlank = z.string().trim().min(1, "不能为空");

/**
 * A link every page carries: absolute, and http or https only. `z.url()` alone accepts
 * `javascript:`, `data:` and `vbscript:` URLs, which would run in a reader's browser from
 * the footer of every page.
 */
const webAddress = z
  .string()
  .refine((value) => URL.canParse(value), "不是完整的网址")
  .refine((value) => {
    const url = URL.canParse(value) ? new URL(value) : undefined;
    return (url?.protocol === "https:" || url?.protocol === "http:") && url.hostname !== "";
  }, "只允许 https:// 或 http:// 开头的网址");

const channelFields = {
  /** What readers see, e.g. 12369 环保举报热线. */
  name: nonBlank,
  /** One sentence in readers' words: what this channel takes, e.g. 受理环境污染举报。 */
  description: nonBlank.optional(),
  /** A number to call, digits and hyphens only, e.g. 12345. */
  phone: z
    .string()
    .regex(/^[0-9][0-9-]{2,19}$/, "只写数字和连字符")
    .optional(),
  /** An e-mail address; an address published on purpose also goes into privacy-allowlist.csv. */
  email: z.email().optional(),
  /** A web address (a form or a page that says how to write): http or https only. */
  url: webAddress.optional(),
};
const reachable = (channel: {
  phone?: string | undefined;
  email?: string | undefined;
  url?: string | undefined;
}) => channel.phone !== undefined || channel.email !== undefined || channel.url !== undefined;
const REACHABLE = "须至少填写 phone、email、url 中的一项";

/** A way for a reader to reach someone: by phone, by e-mail or on the web. */
export const channelSchema = z.object(channelFields).strict().refine(reachable, REACHABLE);
export type Channel = z.output<typeof channelSchema>;

/**
 * Where a reader goes when a matter is not resolved, and how to reach the site itself.
 * Shown in the footer (联系我们, 纠错), on the contact page and, on every open or overdue
 * item, in a "还没解决？" box with the channels for that item's section and county.
 */
export const channelsSchema = z
  .object({
    /** 联系我们: the site's editors. */
    contact: channelSchema,
    /** 纠错: where readers report a wrong figure, a broken link or a mistake on a page. */
    corrections: channelSchema,
    /**
     * Official hotlines (12369 环保举报, 12345 政务服务), each offered on the items of the
     * sections it lists; no sections means every section.
     */
    hotlines: z
      .array(
        z
          .object({ ...channelFields, sections: z.array(z.string()).default([]) })
          .strict()
          .refine(reachable, REACHABLE),
      )
      .default([]),
    /**
     * The 书记信箱 themselves, each with its own address and the region it serves (a GB/T
     * 2260 code in regions.csv): an item in a county offers that county's mailbox and the
     * city's.
     */
    mailboxes: z
      .array(
        z
          .object({
            ...channelFields,
            region: z.string().regex(/^\d{6}$/, "须为 6 位 GB/T 2260 行政区划代码"),
          })
          .strict()
          .refine(reachable, REACHABLE),
      )
      .default([]),
  })
  .strict();
export type Channels = z.output<typeof channelsSchema>;
/** `history` in site.json: how the change history read from git (src/history/) is shown. */
export const historyConfigSchema = z
  .object({
    /**
     * Stop the build when the history cannot be read (a shallow clone, no git); otherwise
     * the site is built without history sections and the build says why.
     */
    required: z.boolean().default(false),
    /** The repository's web page; each change then links to its commit. */
    repositoryUrl: webAddress.optional(),
    /**
     * The address of a commit with `{commit}` for its id, where the host's differs from
     * `<repositoryUrl>/commit/<id>` (GitLab: `…/-/commit/{commit}`).
     */
    commitUrl: z
      .string()
      .refine((value) => value.includes("{commit}"), "须含 {commit}")
      .optional(),
  })
  .strict();

/**
 * The site configuration (`site.json` in the data directory): everything that makes a site
 * one city's. Nothing in `src/` names a city; a second city is a second data directory.
 */
export const siteConfigSchema = z
  .object({
    /** The jurisdiction publishing the site. */
    jurisdiction: z
      .object({
        /** Full official name, the same as its row in regions.csv. */
        name: nonBlank,
        /**
         * GB/T 2260 code of the prefecture-level jurisdiction (two digits each for province,
         * prefecture, county; the county part 00); must be a row of regions.csv. Its first
         * four digits begin every county code of the city.
         */
        code: z
          .string()
          .regex(/^\d{6}$/, "须为 6 位 GB/T 2260 行政区划代码")
          .refine(
            (code) => code.endsWith("00") && !code.endsWith("0000"),
            "不是地级(市、州、盟)的代码:地级代码末两位为 00,中间两位不为 00",
          ),
      })
      .strict(),
    /** Site title shown in the header and in citations. */
    siteName: nonBlank,
    /** Who publishes the data, for citations and feeds. */
    publisher: nonBlank,
    /**
     * Public URL of the site: absolute http(s), with trailing slash, no query or fragment;
     * used for canonical links, feeds, citations and the sitemap.
     */
    siteUrl: webAddress
      .refine((value) => {
        if (!URL.canParse(value)) return true; // reported above
        const url = new URL(value);
        return url.search === "" && url.hash === "" && url.username === "" && url.password === "";
      }, "网站网址不能带 ?、# 或用户名密码")
      .refine((value) => value.endsWith("/"), "须以 / 结尾"),
    /** The date of the data: every page says 截至 this date; later dates in the data are errors. */
    asOf: z.string().refine(isIsoDate, "须为 YYYY-MM-DD 格式的真实日期"),
    /**
     * The earliest year the data can be about: earlier dates and periods are typos (1202 for
     * 2021), never published. Default 2000.
     */
    earliestYear: z.number().int().min(1949).max(2100).default(DEFAULT_EARLIEST_YEAR),
    /** When true, every page says that item-level data is sample data. */
    sample: z.boolean(),
    /** Licence of the published data: its name and the link every page's footer carries. */
    licence: z.object({ name: nonBlank, url: webAddress }).strict(),
    /** Working days within which a letter should be answered (书记信箱 reply promise). */
    replyPromiseWorkingDays: z.number().int().positive().max(60).default(10),
    /**
     * An open item (status not yet done) whose newest dated event is more than this many days
     * before `asOf` is flagged as stalled on its page and in lists.
     */
    stalledAfterDays: z.number().int().positive().default(90),
    /** Change history read from git (src/history/). */
    history: historyConfigSchema.default({ required: false }),
    /** Sections this site publishes, by key (checked against the known sections when read). */
    sections: z
      .array(z.string())
      .default([])
      .refine((list) => new Set(list).size === list.length, "有重复的板块"),
    /** Contact, corrections and the official channels readers are pointed to. */
    channels: channelsSchema.optional(),
  })
  .strict()
  .superRefine((site, ctx) => {
    if (isIsoDate(site.asOf) && Number(site.asOf.slice(0, 4)) < site.earliestYear) {
      ctx.addIssue({
        code: "custom",
        path: ["asOf"],
        message: `截至日期 ${site.asOf} 早于最早年份 earliestYear(${site.earliestYear})`,
      });
    }
  });

export type SiteConfig = z.output<typeof siteConfigSchema>;

export const SITE_CONFIG_FILE = "site.json";

export type SiteConfigResult =
  | {
      ok: true;
      site: SiteConfig;
      /** The line of a key in the file, for checks made later against other files. */
      lineOf: (path: readonly PropertyKey[]) => number;
    }
  | { ok: false; issues: DataIssue[] };

/** What each key holds, in an editor's words; shown after every problem with that key. */
const ALLOWED_BY_KEY: Readonly<Record<string, string>> = {
  jurisdiction: '本市名称和代码,写作 { "name": …, "code": … }',
  "jurisdiction.name": "本市全称,与 regions.csv 中本市一行的名称相同",
  "jurisdiction.code":
    "本市的 6 位行政区划代码(GB/T 2260,地级代码末两位为 00),须是 regions.csv 中的一行",
  siteName: "网站名称,显示在每页页头",
  publisher: "发布者名称,用于页脚和引用",
  siteUrl: "网站的公开网址,以 https:// 开头、以 / 结尾,不带 ? 和 #",
  asOf: "数据截至日期,写作 YYYY-MM-DD,如 2024-06-30",
  earliestYear: `数据最早可能涉及的年份,整数,不加引号,如 2000(不写时为 ${DEFAULT_EARLIEST_YEAR});早于它的日期视为笔误`,
  sample: "true 或 false,不加引号",
  licence: '数据许可,写作 { "name": …, "url": … }',
  "licence.name": "许可名称,如 CC BY 4.0",
  "licence.url": "许可文本的完整网址,以 https:// 或 http:// 开头",
  replyPromiseWorkingDays:
    "1 到 60 的整数(工作日数,《信访工作条例》的办理期限不超过 60 日),不加引号,如 10",
  stalledAfterDays:
    "正整数（天数），不加引号，如 90：未办结的事项超过这么多天没有新进展，标为「久未更新」",
  history: '修改历史的设置，写作 { "required": true, "repositoryUrl": "https://…" }',
  "history.required": "true 或 false：读不到完整的 git 历史（如浅克隆）时是否中止构建",
  "history.repositoryUrl": "仓库的网页地址，以 https:// 开头，如 https://github.com/某市/公示数据",
  "history.commitUrl":
    "提交的网页地址，用 {commit} 代表提交编号，如 https://gitlab.example/某市/公示/-/commit/{commit}",
  sections: "本站开设的板块,写作数组",
  channels:
    '联系与纠错渠道,写作 { "contact": …, "corrections": …, "hotlines": [ … ], "mailboxes": [ … ] }',
  "channels.contact": '本站的联系方式,写作 { "name": …, "email" 或 "phone" 或 "url": … }',
  "channels.corrections": '读者报告错误的渠道,写作 { "name": …, "email" 或 "url": … }',
  "channels.hotlines": '热线列表,每项 { "name": …, "phone": …, "sections": [ … ] }',
  "channels.mailboxes": '书记信箱列表,每项 { "name": …, "url": …, "region": 行政区划代码 }',
};
/** What a field of any channel holds, by its own name. */
const ALLOWED_BY_CHANNEL_FIELD: Readonly<Record<string, string>> = {
  name: "读者看到的名称,如 12369 环保举报热线",
  description: "一句话说明受理什么",
  phone: "电话号码,只写数字和连字符,如 12345",
  email: "电子邮箱地址;对外公布的邮箱还要写进 privacy-allowlist.csv",
  url: "完整网址,以 https:// 开头",
  sections: "适用的板块,写作数组,与 sections 的写法相同;留空为全部板块",
  region: "信箱所属区划的 6 位代码,须是 regions.csv 中的一行",
};
const ALLOWED_ELSEWHERE = "见 README 中 site.json 的说明";

/** The help for a key: its own, else (inside a channel) its field's, else its parent's. */
function allowedFor(key: string): string {
  const parts = key.split(".").filter((part) => !/^\d+$/.test(part));
  const own = ALLOWED_BY_KEY[parts.join(".")];
  if (own) return own;
  const field = parts[0] === "channels" ? ALLOWED_BY_CHANNEL_FIELD[parts.at(-1) ?? ""] : undefined;
  if (field) return field;
  for (let end = parts.length - 1; end > 0; end--) {
    const parent = ALLOWED_BY_KEY[parts.slice(0, end).join(".")];
    if (parent) return parent;
  }
  return ALLOWED_ELSEWHERE;
}

/** zod's messages in Chinese; a missing key says so plainly rather than "received undefined". */
const zodZhCN = z.locales.zhCN().localeError;
const siteConfigErrors: z.core.$ZodErrorMap = (issue) =>
  issue.code === "invalid_type" && issue.input === undefined ? "缺少这一项" : zodZhCN(issue);

/**
 * Reads and checks `site.json`. `sections` are the sections this build of the software knows;
 * a key in the file's `sections` that is not among them is reported with what is allowed.
 */
export function readSiteConfig(
  dataDir: string,
  displayDir: string,
  sections: readonly SectionName[] = [],
): SiteConfigResult {
  const file = `${displayDir}/${SITE_CONFIG_FILE}`;
  const path = join(dataDir, SITE_CONFIG_FILE);
  if (!existsSync(path)) {
    return {
      ok: false,
      issues: [
        { file, line: 1, column: WHOLE_FILE, problem: "文件不存在", allowed: ALLOWED_ELSEWHERE },
      ],
    };
  }
  // Same strict decoding as the CSV files: a GBK site.json would otherwise publish a garbled
  // city name.
  const decoded = decodeDataFile(readFileSync(path), file);
  if (!decoded.ok) return { ok: false, issues: [decoded.issue] };
  const text = decoded.text;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      issues: [
        {
          file,
          line: lineOfJsonError(text, message),
          column: WHOLE_FILE,
          problem: "不是有效的 JSON",
          allowed: "标准 JSON:键名和字符串用英文双引号,项与项之间一个英文逗号,最后一项后不加逗号",
        },
      ],
    };
  }
  const result = siteConfigSchema.safeParse(json, { error: siteConfigErrors });
  if (result.success) {
    const known = new Set(sections.map((section) => section.key));
    const allowed = `可选:${sections.map((section) => `${section.key}(${section.title})`).join("、")}`;
    // The site's sections, and the sections a hotline is offered in.
    const named: { path: PropertyKey[]; key: string }[] = [
      ...result.data.sections.map((key) => ({ path: ["sections"], key })),
      ...(result.data.channels?.hotlines ?? []).flatMap((hotline, index) =>
        hotline.sections.map((key) => ({
          path: ["channels", "hotlines", index, "sections"],
          key,
        })),
      ),
    ];
    const unknown = named.filter(({ key }) => !known.has(key));
    if (unknown.length === 0) {
      return { ok: true, site: result.data, lineOf: (keyPath) => placeOfKey(text, keyPath).line };
    }
    return {
      ok: false,
      issues: unknown.map(({ path: keyPath, key }) => ({
        file,
        ...placeOfKey(text, keyPath),
        column: keyPath.map(String).join("."),
        problem: `未知的板块「${key}」`,
        allowed,
      })),
    };
  }
  // zod runs every check of a key (siteUrl: is a URL, ends in /); the first says enough.
  const seen = new Set<string>();
  const firstPerKey = result.error.issues.filter((issue) => {
    const key = issue.path.map(String).join(".");
    if (issue.code === "unrecognized_keys" || !seen.has(key)) {
      seen.add(key);
      return true;
    }
    return false;
  });
  return {
    ok: false,
    issues: firstPerKey.flatMap((issue): DataIssue[] => {
      if (issue.code === "unrecognized_keys") {
        const known = knownKeysAt(issue.path);
        return issue.keys.map((key) => ({
          file,
          ...placeOfKey(text, [...issue.path, key]),
          column: [...issue.path, key].map(String).join("."),
          problem: "未知的键(是否拼错了?)",
          allowed:
            known.length > 0
              ? `可用的键:${known.join("、")}`
              : allowedFor(issue.path.map(String).join(".")),
        }));
      }
      const key = issue.path.map(String).join(".");
      return [
        {
          file,
          ...placeOfKey(text, issue.path),
          column: key || WHOLE_FILE,
          problem: issue.message,
          allowed: allowedFor(key),
        },
      ];
    }),
  };
}

/** The keys an object of site.json may have, at `path` (top level or a nested object). */
function knownKeysAt(path: readonly PropertyKey[]): string[] {
  const shape = siteConfigSchema.shape;
  if (path.length === 0) return Object.keys(shape);
  const nested = path.length === 1 ? shape[path[0] as keyof typeof shape] : undefined;
  // An object with a default (`history`) is the object inside.
  const object = nested instanceof z.ZodDefault ? nested.unwrap() : nested;
  return object instanceof z.ZodObject ? Object.keys(object.shape) : [];
}

/**
 * The line and character of the key at `path`, each key searched for after its parent's,
 * so `licence.name` is not found at `jurisdiction.name`. A key that is missing gives its
 * parent's place (or line 1).
 */
function placeOfKey(
  text: string,
  path: readonly PropertyKey[],
): { line: number; position?: number } {
  let from = 0;
  let found = -1;
  for (const key of path) {
    if (typeof key === "number") {
      const start = arrayElementStart(text, from, key);
      if (start === undefined) break;
      found = start;
      from = start;
      continue;
    }
    if (typeof key !== "string") break;
    const escaped = key.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    const pattern = new RegExp(`"${escaped}"\\s*:`, "g");
    pattern.lastIndex = from;
    const match = pattern.exec(text);
    if (!match) break;
    found = match.index;
    from = pattern.lastIndex;
  }
  if (found < 0) return { line: 1 };
  const line = lineAt(text, found);
  const lineStart = text.lastIndexOf("\n", found - 1) + 1;
  return { line, position: [...text.slice(lineStart, found)].length + 1 };
}

/** Where element `index` of the array that starts at or after `from` begins, if it exists. */
function arrayElementStart(text: string, from: number, index: number): number | undefined {
  let depth = 0;
  let count = -1;
  let expecting = false;
  let inString = false;
  for (let i = from; i < text.length; i++) {
    const c = text[i] ?? "";
    if (inString) {
      if (c === "\\") i++;
      else if (c === '"') inString = false;
      continue;
    }
    if (depth === 1 && expecting && !/[\s,\]]/.test(c)) {
      count++;
      if (count === index) return i;
      expecting = false;
    }
    if (c === '"') inString = true;
    else if (c === "[" || c === "{") {
      depth++;
      if (depth === 1) expecting = c === "[";
    } else if (c === "]" || c === "}") {
      depth--;
      if (depth <= 0) return undefined;
    } else if (c === "," && depth === 1) expecting = true;
  }
  return undefined;
}

/** Where JSON.parse stopped: V8 names a line, or a position, in its (English) message. */
function lineOfJsonError(text: string, message: string): number {
  const line = /\(line (\d+) column \d+\)/.exec(message);
  if (line) return Number(line[1]);
  const position = /at position (\d+)/.exec(message);
  return position ? lineAt(text, Number(position[1])) : 1;
}

function lineAt(text: string, offset: number): number {
  return text.slice(0, offset).split("\n").length;
}
