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
      `data/regions.csv:2 (文件): 文件不是 UTF-8 编码,看起来是 GBK/GB18030(Excel 和 WPS 在中文系统上的默认编码) (${RESAVE})`,
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
      `data/site.json:2 (文件): 文件不是 UTF-8 编码,看起来是 GBK/GB18030(Excel 和 WPS 在中文系统上的默认编码) (${RESAVE})`,
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
      `data/regions.csv:1 (文件): 文件含有空字节(0x00),可能是 UTF-16 编码或不是文本文件 (${RESAVE})`,
    ]);
  });

  it("rejects other bytes that are not UTF-8, naming the line and the byte", () => {
    const before = `${REGIONS_HEADER}\n${SAMPLE_REGION_ROWS[0]}\n990102,甲区`;
    const regions = bytes(before, hexBytes("FF"), ",县,990100\n");
    const byte = new TextEncoder().encode(before).length + 1;
    expect(problemsLoading(dataDir({ ...validFiles(), "regions.csv": regions }))).toEqual([
      `data/regions.csv:3 (文件): 文件不是有效的 UTF-8 编码(第 ${byte} 个字节无法解码) (${RESAVE})`,
    ]);
  });
});
