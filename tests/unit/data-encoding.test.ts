import { describe, expect, it } from "vitest";
import { loadDataset } from "../../src/site/dataset.ts";
import {
  REGIONS_HEADER,
  SAMPLE_REGION_ROWS,
  bytes,
  csv,
  dataDir,
  hexBytes,
  problemsLoading,
  regionsCsv,
  siteJson,
  validFiles,
} from "./data-fixtures.ts";

const RESAVE =
  "请另存为 UTF-8:Excel 选「文件 → 另存为 → CSV UTF-8(逗号分隔)」,WPS 选「另存为 → CSV,编码 UTF-8」";

const UTF8_BOM = hexBytes("EF BB BF");

// Node has no GBK encoder, so these are the GBK (= GB18030 for these characters) bytes
// written out by hand, as Excel and WPS on a Chinese Windows save them.
/** 样例市 */
const GBK_YANGLISHI = hexBytes("D1F9 C0FD CAD0");
/** 市 */
const GBK_SHI = hexBytes("CAD0");
/** 甲区 */
const GBK_JIAQU = hexBytes("BCD7 C7F8");
/** 县 */
const GBK_XIAN = hexBytes("CFD8");

/** regions.csv saved by Excel as 「CSV(逗号分隔)」 on a Chinese system: GBK, header in ASCII. */
function regionsSavedAsGbk(): Uint8Array {
  return bytes(
    `${REGIONS_HEADER}\n990100,`,
    GBK_YANGLISHI,
    ",",
    GBK_SHI,
    ",\n990102,",
    GBK_JIAQU,
    ",",
    GBK_XIAN,
    ",990100\n",
  );
}

/** regions.csv saved as Excel's 「Unicode 文本」: UTF-16 little-endian. */
function regionsSavedAsUtf16(withByteOrderMark: boolean): Uint8Array {
  const body = Buffer.from(regionsCsv(), "utf16le");
  return withByteOrderMark ? bytes(hexBytes("FF FE"), body) : body;
}

describe("the data path reads files strictly as UTF-8", () => {
  it("accepts a file that starts with a UTF-8 byte-order mark, as Excel writes it", () => {
    const dir = dataDir({ ...validFiles(), "regions.csv": bytes(UTF8_BOM, regionsCsv()) });
    const dataset = loadDataset(dir);
    expect(dataset.jurisdiction.code).toBe("990100");
    expect(dataset.counties.map((county) => county.name)).toEqual(["甲区", "乙区", "丙县"]);
  });

  it("counts lines in a file with a byte-order mark from its first visible line", () => {
    const regions = bytes(UTF8_BOM, regionsCsv("990104,丁区,区,990100"));
    expect(problemsLoading(dataDir({ ...validFiles(), "regions.csv": regions }))).toEqual([
      "data/regions.csv:6 level: 「区」不是允许的值 (允许:省、市、县、乡)",
    ]);
  });

  it("accepts a site.json with a byte-order mark", () => {
    const dir = dataDir({ ...validFiles(), "site.json": bytes(UTF8_BOM, siteJson()) });
    expect(loadDataset(dir).site.siteName).toBe("样例公示");
  });

  it("accepts Windows line endings, and a line break inside a cell becomes a plain \\n", () => {
    const regions = csv(
      [REGIONS_HEADER, ...SAMPLE_REGION_ROWS, '990104,"丁区', '(原丁县)",县,990100'],
      "\r\n",
    );
    const dataset = loadDataset(dataDir({ ...validFiles(), "regions.csv": regions }));
    expect(dataset.counties.map((county) => county.name)).toEqual([
      "甲区",
      "乙区",
      "丙县",
      "丁区\n(原丁县)",
    ]);
  });

  it("gives the right line in a file with Windows line endings and a multi-line cell", () => {
    const regions = csv(
      [
        REGIONS_HEADER,
        ...SAMPLE_REGION_ROWS,
        '990104,"丁区',
        '(原丁县)",县,990100',
        "990105,戊区,区,990100",
      ],
      "\r\n",
    );
    expect(problemsLoading(dataDir({ ...validFiles(), "regions.csv": regions }))).toEqual([
      "data/regions.csv:8 level: 「区」不是允许的值 (允许:省、市、县、乡)",
    ]);
  });

  it("rejects a GBK file, saying it is GBK and how to re-save it, at the first Chinese line", () => {
    const dir = dataDir({ ...validFiles(), "regions.csv": regionsSavedAsGbk() });
    expect(problemsLoading(dir)).toEqual([
      `data/regions.csv:2:8 (文件): 文件不是 UTF-8 编码,看起来是 GBK/GB18030(Excel 和 WPS 在中文系统上的默认编码) (${RESAVE})`,
    ]);
  });

  it("rejects a GBK site.json the same way", () => {
    const site = bytes(
      '{\n  "jurisdiction": { "name": "',
      GBK_YANGLISHI,
      '", "code": "990100" }\n}\n',
    );
    const dir = dataDir({ ...validFiles(), "site.json": site });
    expect(problemsLoading(dir)).toEqual([
      `data/site.json:2:30 (文件): 文件不是 UTF-8 编码,看起来是 GBK/GB18030(Excel 和 WPS 在中文系统上的默认编码) (${RESAVE})`,
    ]);
  });

  it("rejects a UTF-16 file with its byte-order mark (Excel's 「Unicode 文本」)", () => {
    const dir = dataDir({ ...validFiles(), "regions.csv": regionsSavedAsUtf16(true) });
    expect(problemsLoading(dir)).toEqual([
      `data/regions.csv:1 (文件): 文件是 UTF-16 编码(Excel「Unicode 文本」) (${RESAVE})`,
    ]);
  });

  it("rejects UTF-16 text without a byte-order mark instead of reading its zero bytes", () => {
    const dir = dataDir({ ...validFiles(), "regions.csv": regionsSavedAsUtf16(false) });
    expect(problemsLoading(dir)).toEqual([
      `data/regions.csv:1:2 (文件): 文件含有空字节(0x00),可能是 UTF-16 编码或不是文本文件 (${RESAVE})`,
    ]);
  });

  it("rejects other bytes that are not UTF-8, naming the line, the character and the byte", () => {
    const before = `${REGIONS_HEADER}\n${SAMPLE_REGION_ROWS[0]}\n990102,甲区`;
    const regions = bytes(before, hexBytes("FF"), ",县,990100\n");
    expect(problemsLoading(dataDir({ ...validFiles(), "regions.csv": regions }))).toEqual([
      `data/regions.csv:3:10 (文件): 文件不是有效的 UTF-8:不可能出现在 UTF-8 中的字节(字节 FF) (${RESAVE})`,
    ]);
  });

  // Each sequence below has UTF-8's shape, so a check of lead bytes alone let it through and
  // the decoder's failure was then reported at the last line of the file. Each is planted
  // in the name of the third row, with rows after it, and must be reported at that row.
  const plantedInRow3 = (sequence: string) =>
    bytes(
      `${REGIONS_HEADER}\n${SAMPLE_REGION_ROWS[0]}\n990102,甲`,
      hexBytes(sequence),
      `,县,990100\n${SAMPLE_REGION_ROWS.slice(2).join("\n")}\n`,
    );
  it.each([
    [
      "CESU-8 (a supplementary character as two encoded surrogates)",
      "ED A0 BD ED B8 80",
      "CESU-8 编码:增补字符被拆成两个代理项分别编码(字节 ED A0 BD ED B8 80)",
    ],
    [
      "a two-byte overlong form",
      "C0 AF",
      "超长编码(overlong),同一个字符用了多余的字节(字节 C0 AF)",
    ],
    [
      "a three-byte overlong form",
      "E0 80 AF",
      "超长编码(overlong),同一个字符用了多余的字节(字节 E0 80 AF)",
    ],
    [
      "a four-byte overlong form",
      "F0 80 80 AF",
      "超长编码(overlong),同一个字符用了多余的字节(字节 F0 80 80 AF)",
    ],
    ["a lone high surrogate", "ED A0 80", "单独的代理项(surrogate),不是字符(字节 ED A0 80)"],
    ["a lone low surrogate", "ED B0 80", "单独的代理项(surrogate),不是字符(字节 ED B0 80)"],
    [
      "a code point above U+10FFFF",
      "F4 90 80 80",
      "超出 Unicode 范围(大于 U+10FFFF)的字符(字节 F4 90 80 80)",
    ],
    [
      "the noncharacter U+FFFE",
      "EF BF BE",
      "非字符 U+FFFE,不是文字,多为转换出错或文件损坏(字节 EF BF BE)",
    ],
    [
      "the noncharacter U+FDD0",
      "EF B7 90",
      "非字符 U+FDD0,不是文字,多为转换出错或文件损坏(字节 EF B7 90)",
    ],
    [
      "the noncharacter U+10FFFF",
      "F4 8F BF BF",
      "非字符 U+10FFFF,不是文字,多为转换出错或文件损坏(字节 F4 8F BF BF)",
    ],
  ])("rejects %s at its own line and character", (_name, sequence, problem) => {
    const dir = dataDir({ ...validFiles(), "regions.csv": plantedInRow3(sequence) });
    expect(problemsLoading(dir)).toEqual([
      `data/regions.csv:3:9 (文件): 文件不是有效的 UTF-8:${problem} (${RESAVE})`,
    ]);
  });

  it("accepts the characters next to those: U+FFFD, U+FDEF + 1, the last character of a plane", () => {
    const text = `${REGIONS_HEADER}\n${SAMPLE_REGION_ROWS[0]}\n990102,甲\uFFFD\uFDF0\u{10FFFD},县,990100\n`;
    const dataset = loadDataset(dataDir({ ...validFiles(), "regions.csv": text }));
    expect(dataset.counties[0]?.name).toBe("甲\uFFFD\uFDF0\u{10FFFD}");
  });
});
