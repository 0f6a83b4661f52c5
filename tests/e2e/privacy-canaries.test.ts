import { spawnSync } from "node:child_process";
import {
  cpSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, resolve } from "node:path";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import Papa from "papaparse";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { idCheckCharacter, passesLuhn } from "../../src/privacy/checksums.ts";
import { foldedText } from "../../src/privacy/fold.ts";
import { allowlistOf } from "../../src/privacy/allowlist.ts";
import { scanBuildOutput } from "../../src/privacy/build-output.ts";
import { pagefindOwnFiles } from "../../src/privacy/vendor.ts";

// Canaries of every kind the guard knows, planted in a copy of the demo data (never in the
// committed files): in the title, content and reply of letters whose writers did not
// consent, and one ID number in a letter that was consented. The site is then built with
// `astro build` alone, so the data-file half of the guard (npm run validate) does not
// stop it first: what is shown here is that withheld text never reaches any built file,
// search fragments unpacked, and that the build-output half catches the consented one.

const citizenId = (first17: string) => first17 + idCheckCharacter(first17);
function withLuhnDigit(body: string): string {
  for (let d = 0; d <= 9; d++) if (passesLuhn(`${body}${d}`)) return `${body}${d}`;
  throw new Error("no Luhn digit");
}
const toFullWidth = (text: string) =>
  text.replace(/[0-9A-Za-z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

const WITHHELD_ID = citizenId("33010619850214301");
const WITHHELD_ID_X = citizenId("11010519491231002"); // check character X
const CARD = withLuhnDigit("622202001234567");

/** How each canary is written into the letters, and the digits (or address) to look for. */
const CANARIES = [
  { kind: "身份证号", written: WITHHELD_ID, find: WITHHELD_ID },
  {
    kind: "身份证号(分组、小写 x)",
    written: `${WITHHELD_ID_X.slice(0, 6)} ${WITHHELD_ID_X.slice(6, 14)} ${WITHHELD_ID_X.slice(14).toLowerCase()}`,
    find: WITHHELD_ID_X.slice(0, 17),
  },
  { kind: "身份证号(全角)", written: toFullWidth(WITHHELD_ID), find: WITHHELD_ID },
  { kind: "15 位旧身份证号", written: "330106850214301", find: "330106850214301" },
  { kind: "手机号(+86、连字符)", written: "+86 139-1234-5678", find: "13912345678" },
  { kind: "手机号(全角)", written: toFullWidth("13700137000"), find: "13700137000" },
  { kind: "固定电话", written: "(0833)2345678", find: "08332345678" },
  { kind: "银行卡号", written: CARD.replace(/(\d{4})(?=\d)/g, "$1 "), find: CARD },
  { kind: "电子邮箱", written: "canary.letters@example.org", find: "canary.letters@example.org" },
] as const;
const ALL_CANARIES = CANARIES.map((canary) => canary.written).join(",");

/** The ID planted in a consented letter: the guard must stop the build on it. */
const CONSENTED_ID = citizenId("51112319851120007");

type LetterCells = Record<string, string>;

let root = "";
let outDir = "";
let build: { status: number | null; output: string };
let validate: { status: number | null; output: string };
const withheldIds: string[] = [];
const markers: string[] = [];
let consentedId = "";

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), "gongshi-canaries-"));
  const data = join(root, "data");
  outDir = join(root, "dist");
  cpSync(resolve("data"), data, { recursive: true });
  const file = join(data, "letters.csv");
  const parsed = Papa.parse<LetterCells>(readFileSync(file, "utf8"), {
    header: true,
    skipEmptyLines: true,
  });
  const rows = parsed.data;
  const withheld = rows.filter((row) => row["consent_to_publish"] === "否");
  const answered = withheld.filter((row) => row["reply"] !== "").slice(0, 3);
  const unanswered = withheld.filter((row) => row["reply"] === "").slice(0, 1);
  for (const row of [...answered, ...unanswered]) {
    const id = row["id"] ?? "";
    withheldIds.push(id);
    const mark = (part: string) => {
      const marker = `哨兵${part}${id}`;
      markers.push(marker);
      return marker;
    };
    row["title"] = `${mark("标题")} ${CANARIES[0].written}`;
    row["content"] = `${mark("正文")} 联系方式:${ALL_CANARIES}。`;
    if (row["reply"] !== "") {
      row["reply"] = `${mark("答复")} 已电话联系 ${ALL_CANARIES}。`;
      row["reply_identifies_person"] = "是";
    }
  }
  const consented = rows.find((row) => row["consent_to_publish"] === "是");
  if (!consented) throw new Error("the demo data has no consented letter");
  consentedId = consented["id"] ?? "";
  consented["content"] = `${consented["content"] ?? ""} 来信人身份证号 ${CONSENTED_ID}`;
  writeFileSync(file, Papa.unparse(rows, { newline: "\n" }) + "\n");

  const env = {
    ...process.env,
    ASTRO_TELEMETRY_DISABLED: "1",
    GONGSHI_DATA_DIR: data,
    GONGSHI_OUT_DIR: outDir,
  };
  const run = (args: string[]) => {
    const result = spawnSync("npx", args, { encoding: "utf8", env });
    return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
  };
  validate = run(["node", "scripts/validate.ts"]);
  build = run(["astro", "build"]);
  // Until the site's own search integration indexes during the build, index the output
  // here the way it will (Pagefind over the pages' data-pagefind-body), so the search
  // fragments are part of what is checked.
  if (!existsSync(join(outDir, "pagefind"))) {
    const indexing = run(["pagefind", "--site", outDir]);
    if (indexing.status !== 0) throw new Error(`pagefind failed:\n${indexing.output}`);
  }
}, 600_000);

afterAll(() => {
  if (root) rmSync(root, { recursive: true, force: true });
});

const escape = (text: string) => text.replaceAll(/[.*+?^${}()|[\]\\]/g, "\\$&");
const mask = (value: string) =>
  `${value.slice(0, 3)}${"*".repeat(value.length - 5)}${value.slice(-2)}`;

/**
 * Every built file's text, compressed files unpacked the way the guard unpacks them, and
 * folded (full-width digits to ASCII, zero-width spaces dropped: Pagefind's Chinese
 * segmentation writes one between every two words of a fragment).
 */
function builtTexts(): { path: string; text: string }[] {
  return readdirSync(outDir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => {
      const path = join(entry.parentPath, entry.name);
      const bytes = readFileSync(path);
      const gzip = bytes[0] === 0x1f && bytes[1] === 0x8b;
      const data = gzip
        ? gunzipSync(bytes)
        : path.endsWith(".br")
          ? brotliDecompressSync(bytes)
          : bytes;
      return { path: relative(outDir, path), text: foldedText(data.toString("utf8")) };
    });
}

describe("privacy canaries", () => {
  test("npm run validate names every planted number by file, line and column, masked", () => {
    expect(validate.status).not.toBe(0);
    const hits = validate.output
      .split("\n")
      .filter((line) => line.includes("letters.csv:") && line.includes("含有疑似"));
    // Per withheld letter: one in the title, nine in the content, nine in the reply if any.
    expect(hits.length).toBe(withheldIds.length * 10 + 3 * 9 + 1);
    expect(validate.output).toMatch(/letters\.csv:\d+ title: 含有疑似身份证号 330\*{13}\d[\dX] \(/);
    expect(validate.output).toMatch(
      /letters\.csv:\d+ reply: 含有疑似电子邮箱 c\*\*\*@e\*\*\*\.org \(/,
    );
    for (const canary of CANARIES) expect(validate.output).not.toContain(canary.find);
  });

  test("the build stops on the ID planted in a consented letter, naming the built file and line, masked", () => {
    expect(build.status).not.toBe(0);
    expect(build.output).toContain("隐私检查未通过");
    const page = join(outDir, "mailbox", consentedId, "index.html");
    expect(build.output).toMatch(
      new RegExp(
        `${escape(page)}:\\d+:\\d+ \\(构建结果\\): 含有疑似身份证号 ${escape(mask(CONSENTED_ID))} \\(`,
      ),
    );
    // The search index's record of that page, scanned as it was indexed (src/privacy/derived.ts).
    expect(build.output).toMatch(
      new RegExp(
        `pagefind \\(搜索索引记录 /mailbox/${escape(consentedId)}/\\):\\d+:\\d+ \\(构建结果\\): 含有疑似身份证号 ${escape(mask(CONSENTED_ID))} \\(`,
      ),
    );
    expect(build.output).not.toContain(CONSENTED_ID);
  });

  test("the pages and the search index were built, so the search below is not vacuous", () => {
    expect(readdirSync(join(outDir, "pagefind", "fragment")).length).toBeGreaterThan(
      withheldIds.length,
    );
    for (const id of [...withheldIds, consentedId]) {
      expect(existsSync(join(outDir, "mailbox", id, "index.html"))).toBe(true);
    }
    expect(readFileSync(join(outDir, "mailbox", consentedId, "index.html"), "utf8")).toContain(
      CONSENTED_ID,
    );
  });

  test("the guard finds the consented letter's ID in its search fragment too", async () => {
    // The demo's own allow list, as the build's guard uses it: the site publishes its contact
    // and 纠错 addresses (site.json channels) on every page on purpose.
    const allowed = readFileSync(resolve("data", "privacy-allowlist.csv"), "utf8")
      .split("\n")
      .slice(1)
      .map((line) => line.split(",")[0] ?? "");
    const scan = await scanBuildOutput(
      outDir,
      allowlistOf(allowed),
      "dist",
      await pagefindOwnFiles(),
    );
    const fragments = scan.findings.filter((finding) => finding.path.endsWith(".pf_fragment"));
    expect(fragments.map((finding) => `${finding.unpacked ?? ""} ${finding.what}`)).toEqual([
      `gzip 含有疑似身份证号 ${mask(CONSENTED_ID)}`,
    ]);
    // Nothing else but the consented letter's own page, JSON, the CSV downloads, and the
    // search index (its fragment, and the index chunk holding the number as a word).
    expect(
      new Set(
        scan.findings.map((finding) =>
          finding.path.replace(/pagefind\/(fragment|index)\/.*/, "pagefind/$1/…"),
        ),
      ),
    ).toEqual(
      new Set([
        `dist/mailbox/${consentedId}/index.html`,
        `dist/mailbox/${consentedId}.json`,
        "dist/data/letters.csv",
        "dist/data/excel/letters.csv",
        "dist/data/letters.json",
        "dist/pagefind/fragment/…",
        "dist/pagefind/index/…",
      ]),
    );
  });

  test("no canary and no withheld title, content or reply reaches any built file", () => {
    const leaks = builtTexts().flatMap(({ path, text }) => {
      const squashed = text.replace(/[\s\-()+]/g, "").toLowerCase();
      return [
        ...CANARIES.filter((canary) => squashed.includes(canary.find.toLowerCase())).map(
          (canary) => `${path}: ${canary.kind}`,
        ),
        ...markers.filter((marker) => text.includes(marker)).map((marker) => `${path}: ${marker}`),
      ];
    });
    expect(leaks).toEqual([]);
  });
});
