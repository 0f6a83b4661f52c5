import { describe, expect, test } from "vitest";
import { idCheckCharacter, isCitizenIdNumber, passesLuhn } from "../../src/privacy/checksums.ts";
import { findPersonalData, wholeValueOf } from "../../src/privacy/detectors.ts";
import type { PersonalDataKind } from "../../src/privacy/detectors.ts";
import { allowlistOf } from "../../src/privacy/allowlist.ts";
import { foldForDetection, foldedText } from "../../src/privacy/fold.ts";
import { scanText } from "../../src/privacy/scan.ts";

/** A fictional ID number with a valid GB 11643 check character. */
function citizenId(first17: string): string {
  return first17 + idCheckCharacter(first17);
}
const ID = citizenId("51110219900307123");
const ID_X = citizenId("51112319851120007"); // check character X
const toFullWidth = (text: string) =>
  text.replace(/[0-9A-Za-z+()@.-]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

const kinds = (text: string): PersonalDataKind[] => findPersonalData(text).map((hit) => hit.kind);

describe("GB 11643 check character", () => {
  test("matches the published example 11010519491231002X", () => {
    expect(idCheckCharacter("11010519491231002")).toBe("X");
    expect(isCitizenIdNumber("11010519491231002X")).toBe(true);
    expect(isCitizenIdNumber("11010519491231002x")).toBe(true);
  });
  test("computes X for a number whose weighted sum leaves 2", () => {
    expect(ID_X.endsWith("X")).toBe(true);
  });
  test("rejects a wrong check character and an impossible birth date", () => {
    expect(isCitizenIdNumber("110105194912310021")).toBe(false);
    expect(isCitizenIdNumber(citizenId("11010519490231002"))).toBe(false); // 31 February
  });
  test("Luhn accepts a test card number and rejects a changed digit", () => {
    expect(passesLuhn("4111111111111111")).toBe(true);
    expect(passesLuhn("4111111111111112")).toBe(false);
  });
});

describe("finds personal data however it is typed", () => {
  test.each([
    ["18-digit ID", `身份证号${ID}。`, "citizenId"],
    ["ID ending in X", `证件:${ID_X}`, "citizenId"],
    ["ID ending in lower-case x", `证件:${ID_X.toLowerCase()}`, "citizenId"],
    ["ID in 6-8-4 groups", `${ID.slice(0, 6)} ${ID.slice(6, 14)} ${ID.slice(14)}`, "citizenId"],
    ["ID in full-width digits", `身份证${toFullWidth(ID)}`, "citizenId"],
    ["15-digit old ID", "旧证号 511102850307123", "oldCitizenId"],
    ["mobile", "电话13800138000", "mobile"],
    ["mobile with +86 and dashes", "+86-138-0013-8000", "mobile"],
    ["mobile with spaces", "手机 138 0013 8000 联系", "mobile"],
    ["mobile in full-width digits", `手机${toFullWidth("13800138000")}`, "mobile"],
    ["mobile with ideographic spaces", "１３８\u3000００１３\u3000８０００", "mobile"],
    ["landline with dash", "座机0833-2123456", "landline"],
    ["landline with brackets", "（0833）2123456", "landline"],
    ["landline of a 3-digit area code", "028-87654321", "landline"],
    ["bank card in groups of four", "卡号 6222 0212 3456 7894", "bankCard"],
    [
      "19-digit bank card",
      `卡号${"622202123456789012"}${luhnDigit("622202123456789012")}`,
      "bankCard",
    ],
    ["e-mail", "邮箱 zhang.san_88@example.com.cn 。", "email"],
    ["e-mail with a full-width at sign", "邮箱 someone＠example.org", "email"],
    // Pagefind's Chinese segmentation writes a zero-width space between words in fragments.
    ["mobile as a Pagefind fragment writes it", "电话 \u200b139 \u200b1234 \u200b5678", "mobile"],
    [
      "e-mail as a Pagefind fragment writes it",
      "邮箱 \u200bcanary\u200b@\u200bexample.org",
      "email",
    ],
    [
      "ID split by zero-width spaces",
      `证件\u200b${ID.slice(0, 6)}\u200b${ID.slice(6)}`,
      "citizenId",
    ],
    ["mobile split by soft hyphens and a word joiner", "138\u00ad0013\u20608000", "mobile"],
  ] as const)("%s", (_name, text, kind) => {
    expect(kinds(text)).toEqual([kind]);
  });
});

function luhnDigit(body: string): string {
  for (let d = 0; d <= 9; d++) if (passesLuhn(body + d)) return String(d);
  throw new Error("unreachable");
}

describe("leaves ordinary numbers alone", () => {
  test.each([
    ["dates", "2024-03-05 至 2024-04-01,2024年3月5日,2024.03.05,20240305"],
    ["register ids", "HB-2018-0042、SJ-2024-0031、XF20240001"],
    ["amounts", "投资 1,234,567.89 元,共计 12800 元,13800138000.50 元"],
    ["region codes", "511102 511123 511181"],
    ["statistics in a table", "受理 2856 件 亲自处理 908 件 批示 196 件 1356 1200 956"],
    ["the 12345 hotline", "请拨打 12345 市民服务热线,或 0833-12345"],
    ["an 18-digit number failing the check digit", "订单号 511102199003071230"],
    ["a 16-digit number failing Luhn", "流水号 4111111111111112"],
    ["asset names", "logo@2x.png icon@3x.webp"],
    ["times and versions", "09:30-17:30,版本 1.6.0,IPv4 192.168.100.200"],
  ])("%s", (_name, text) => {
    expect(findPersonalData(text)).toEqual([]);
  });
});

test("locates a hit in the original text when invisible characters were dropped", () => {
  const text = "电话 \u200b139 \u200b1234 \u200b5678 完";
  const [hit] = findPersonalData(text);
  expect(text.slice(hit?.index, (hit?.index ?? 0) + (hit?.length ?? 0))).toBe(
    "139 \u200b1234 \u200b5678",
  );
});

describe("masks what it reports", () => {
  test("never prints the whole number", () => {
    const [hit] = findPersonalData(`身份证${ID}`);
    expect(hit?.masked).toBe(`身份证号 511*************${ID.slice(-2)}`);
    expect(hit?.masked).not.toContain(ID.slice(3, 16));
  });
  test("masks an e-mail address's local part and domain", () => {
    expect(findPersonalData("a zhangsan@example.com b")[0]?.masked).toBe("电子邮箱 z***@e***.com");
  });
  test("gives one canonical value for every spelling of a mobile number", () => {
    const values = ["13800138000", "+86 138 0013 8000", "８６１３８００１３８０００"].map(
      (text) => findPersonalData(text)[0]?.value,
    );
    expect(new Set(values)).toEqual(new Set(["13800138000"]));
  });
});

describe("allow list", () => {
  const allowlist = allowlistOf(["0833-2123456"]);
  test("lets through the listed number in any spelling", () => {
    expect(scanText("值班电话(0833)212 3456", allowlist)).toEqual([]);
  });
  test("is exact: a neighbouring number is still reported", () => {
    expect(scanText("0833-2123457", allowlist).map(({ hit }) => hit.kind)).toEqual(["landline"]);
  });
  test("accepts only entries that are one whole recognisable number", () => {
    expect(wholeValueOf("0833-2123456")).toEqual({ kind: "landline", value: "08332123456" });
    expect(wholeValueOf("12345")).toBeUndefined();
    expect(wholeValueOf("电话 0833-2123456")).toBeUndefined();
  });
});

test("reports the line of each hit", () => {
  const hits = scanText("第一行\n第二行 13800138000\n第三行\nzhang@example.com", allowlistOf([]));
  expect(hits.map(({ line, hit }) => `${line} ${hit.kind}`)).toEqual(["2 mobile", "4 email"]);
});

test("the quick fold and the fold that keeps offsets give the same text", () => {
  // Every kind of unit the fold treats: full-width forms, spaces, dashes, invisible
  // characters, a surrogate pair and a lone surrogate, among ordinary Chinese and ASCII.
  const units = [
    "１３８",
    "＠",
    "\u3000",
    "\u00a0",
    "—",
    "\u2212",
    "\u200b",
    "\ufeff",
    "\u00ad",
    "𠀋",
    "\ud800",
    "乐山",
    "a-1",
    "，",
  ];
  let seed = 7;
  for (let round = 0; round < 200; round++) {
    let text = "";
    for (let k = 0; k < 30; k++) {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      text += units[seed % units.length];
    }
    const { text: folded, offsets } = foldForDetection(text);
    expect(foldedText(text)).toBe(folded);
    expect(offsets.length).toBe(folded.length);
  }
  expect(foldedText("１３８\u200b０\u3000—Ａ")).toBe("1380 -A");
});
