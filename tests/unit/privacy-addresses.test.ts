import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { describe, expect, test } from "vitest";
import { DataContext } from "../../src/data/context.ts";
import { formatIssue } from "../../src/data/issues.ts";
import { chineseNumeral } from "../../src/privacy/addresses.ts";
import { allowlistOf } from "../../src/privacy/allowlist.ts";
import { scanBuildOutput } from "../../src/privacy/build-output.ts";
import { checkDataFilesForPersonalData } from "../../src/privacy/data-files.ts";
import { findPersonalData, wholeValueOf } from "../../src/privacy/detectors.ts";
import { scanText } from "../../src/privacy/scan.ts";

/** What the guard reports for a text: the masked form of each address it finds. */
const addresses = (text: string): string[] =>
  findPersonalData(text)
    .filter((hit) => hit.kind === "address")
    .map((hit) => hit.masked);

describe("residential addresses are personal data", () => {
  test.each([
    [
      "a village group and house number in Chinese numerals",
      "您家住石桥村四组十二号,",
      "住址 石*村*组**号",
    ],
    ["the same in digits", "家住石桥村4组12号", "住址 石*村*组**号"],
    ["in full-width digits", "家住石桥村４组１２号", "住址 石*村*组**号"],
    ["a 社 (village group, as written in Sichuan) and house number", "住3社15号", "住址 *社**号"],
    ["a group number with 附", "二组5号附1号", "住址 *组*号附*号"],
    ["a flat: building, unit and room", "桂苑小区3栋2单元501室", "住址 *栋*单元***室"],
    ["a flat without 室", "5号楼2单元301", "住址 *号楼*单元***"],
    ["a building and room", "二幢502室", "住址 *幢***室"],
    ["a unit and room", "2单元501室", "住址 *单元***室"],
    ["a street number", "住在嘉定北路123号", "住址 嘉**路***号"],
    ["a street number with 附", "白塔街5号附2号", "住址 白*街*号附*号"],
    ["a house number with 附 on its own", "门牌12号附3号", "住址 **号附*号"],
    ["a village house number", "石桥村12号", "住址 石*村**号"],
  ])("finds %s", (_name, text, masked) => {
    expect(addresses(text)).toEqual([masked]);
  });

  test.each([
    ["a document number", "乐府发〔2020〕12号"],
    ["an ordinal", "第12号"],
    ["a metro line", "地铁3号线"],
    ["a village group without a house number", "为青龙村三组修建便道"],
    ["a residential compound without a flat", "桂苑小区旁边的工地"],
    ["a building without a flat", "3栋楼房"],
    ["a spoken date", "2023年3月12号"],
    ["a hotline", "拨打12345热线"],
    ["two roads", "嘉定北路与白燕路交叉口"],
    ["the word 门牌 alone", "姓名、门牌、单位职务等"],
  ])("does not take %s for an address", (_name, text) => {
    expect(findPersonalData(text)).toEqual([]);
  });

  test("never prints the address itself: names and numbers are masked", () => {
    const [hit] = findPersonalData("您家住石桥村四组十二号");
    expect(hit?.masked).not.toMatch(/桥|四|十二|12/);
  });

  test("reads Chinese numerals as people write them in addresses", () => {
    expect([chineseNumeral("十二"), chineseNumeral("二十"), chineseNumeral("一百零五")]).toEqual([
      12, 20, 105,
    ]);
    expect([chineseNumeral("三〇五"), chineseNumeral("两"), chineseNumeral("十")]).toEqual([
      305, 2, 10,
    ]);
  });
});

describe("the allow list and addresses", () => {
  const allowlist = allowlistOf(["市中区嘉定北路123号"]);
  test("lets a listed unit's public address through, however much of the place name is written", () => {
    expect(scanText("来信请寄市政府信访局(嘉定北路123号)", allowlist)).toEqual([]);
    expect(scanText("地址:乐山市市中区嘉定北路一百二十三号", allowlist)).toEqual([]);
  });
  test("still stops another house number on the same road, and a village address", () => {
    expect(scanText("嘉定北路125号", allowlist).map(({ hit }) => hit.masked)).toEqual([
      "住址 嘉**路***号",
    ]);
    expect(scanText("家住石桥村四组十二号", allowlist).map(({ hit }) => hit.masked)).toEqual([
      "住址 石*村*组**号",
    ]);
  });
  test("accepts an address as an entry only when it ends the entry", () => {
    expect(wholeValueOf("市中区嘉定北路123号")).toEqual({
      kind: "address",
      value: "嘉定北路123号",
    });
    expect(wholeValueOf("嘉定北路123号(信访局)")).toBeUndefined();
    expect(wholeValueOf("地址:嘉定北路123号")).toBeUndefined();
  });
});

test("a data file with an address is reported by file, line and column, masked", () => {
  const dir = mkdtempSync(join(tmpdir(), "gongshi-address-"));
  try {
    writeFileSync(
      join(dir, "letters.csv"),
      "id,reply\nSJ-1,经工作人员上门核实，您家住石桥村四组十二号，反映的情况属实。\n",
    );
    const ctx = new DataContext(dir, "data", "2026-10-31");
    checkDataFilesForPersonalData(ctx, allowlistOf([]));
    expect(ctx.issues.map(formatIssue)).toEqual([
      expect.stringMatching(/^data\/letters\.csv:2 reply: 含有疑似住址 石\*村\*组\*\*号 \(/),
    ]);
    expect(ctx.issues.map(formatIssue).join("\n")).not.toContain("石桥村");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("an address split into words in a gzip search fragment is still found, masked", async () => {
  const dir = mkdtempSync(join(tmpdir(), "gongshi-address-"));
  try {
    mkdirSync(join(dir, "pagefind", "fragment"), { recursive: true });
    // Pagefind's Chinese segmentation writes a zero-width space between words.
    const words = ["您家", "住", "石桥村", "四组", "十二号"].join("\u200b");
    writeFileSync(
      join(dir, "pagefind", "fragment", "zh_1.pf_fragment"),
      gzipSync(`pagefind_dcd${JSON.stringify({ content: words })}`),
    );
    const scan = await scanBuildOutput(dir, allowlistOf([]), "dist");
    expect(scan.findings.map(({ path, unpacked, what }) => `${path} ${unpacked} ${what}`)).toEqual([
      "dist/pagefind/fragment/zh_1.pf_fragment gzip 含有疑似住址 石*村*组**号",
    ]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
