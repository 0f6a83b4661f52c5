/**
 * Residential addresses, the personal data people write in words: a village group and house
 * number (石桥村四组十二号, 3社15号), a street number (嘉定北路123号, with 附 numbers:
 * 12号附3号), a flat (桂苑小区3栋2单元501室, 5号楼2单元301). What makes a text an address is
 * the number of one dwelling: a village, a group, a compound or a road alone (青龙村三组的
 *道路, 桂苑小区旁边) names a place many people share and is not one. Numbers are written in
 * digits (full-width ones are folded before this runs) or in Chinese numerals.
 */

/** A number as written in an address: digits, or Chinese numerals (十二, 三〇五, 两). */
const NUM = "(?:[0-9]{1,5}|[零〇一二三四五六七八九十百千两]{1,6})";
/** The characters that carry an address's structure; every other one is masked. */
const STRUCTURE = new Set([..."村组社队路街巷大道弄号附栋幢座楼单元室层户"]);
/** Direction characters in road names (嘉定北路), counted with the road word. */
const DIRECTIONS = "东西南北中";
const CJK = /[\u3400-\u9fff]/;
const NUMERAL = /[0-9零〇一二三四五六七八九十百千两]/;

/**
 * The forms that start with a number, tried where a number ends in a unit word (see
 * `findAddresses`). `号(?!线)` keeps metro lines (3号线) out.
 */
const NUMBER_FORMS: readonly RegExp[] = [
  // Group (村民小组, 社, 生产队) and house number, optionally 附 number: 四组十二号.
  new RegExp(`${NUM}(?:组|社|队)${NUM}号(?:附${NUM}号)?`, "y"),
  // Building, unit, floor, flat: 3栋2单元501室, 5号楼2单元301, 2幢502室, 2单元501室.
  new RegExp(`${NUM}(?:栋|幢|座|号楼)(?:${NUM}单元)?(?:${NUM}(?:楼|层))?${NUM}(?:室|号|户)`, "y"),
  new RegExp(`${NUM}(?:栋|幢|座|号楼)${NUM}单元${NUM}`, "y"),
  new RegExp(`${NUM}单元(?:${NUM}(?:楼|层))?${NUM}(?:室|号|户)`, "y"),
  // A 附 number on its own house number: 12号附3号.
  new RegExp(`${NUM}号附${NUM}号`, "y"),
];

/** Street or village number, optionally 附 and a flat: 嘉定北路123号, 白塔街5号附2号. */
const PLACE_FORM = new RegExp(
  `(?:路|街|巷|大道|弄|村)${NUM}号(?!线)(?:附${NUM}号)?(?:${NUM}(?:栋|幢|号楼)(?:${NUM}单元)?(?:${NUM}(?:室|号))?)?`,
  "y",
);

/**
 * Where an address can begin. Scanning for the rare unit words and looking at their
 * neighbours is what keeps this cheap: the same forms tried at every position of the demo
 * build's 20 million characters took 0.6–1.2 s, anchored like this 0.04–0.07 s.
 */
const AFTER_NUMBER = /(?<=[0-9零〇一二三四五六七八九十百千两])(?:[组社队栋幢座]|号楼|单元|号附)/g;
const BEFORE_NUMBER = /(?:路|街|巷|大道|弄|村)(?=[0-9零〇一二三四五六七八九十百千两])/g;
const DIGIT = /[0-9]/;
const CHINESE_NUMERAL = /[零〇一二三四五六七八九十百千两]/;

/** Start of the number that ends at `end`: all its digits (at most 5), or up to 6 numerals. */
function numberStart(text: string, end: number): number | undefined {
  const digits = DIGIT.test(text[end - 1] ?? "");
  const kind = digits ? DIGIT : CHINESE_NUMERAL;
  let start = end;
  while (start > 0 && kind.test(text[start - 1] ?? "")) start--;
  // A longer digit run is another number (a phone, an amount), never a house number.
  if (digits) return end - start <= 5 ? start : undefined;
  return Math.max(start, end - 6);
}

export interface AddressMatch {
  index: number;
  length: number;
  /** Canonical form for the allow list: Chinese numerals as digits, place name kept. */
  value: string;
  /** The structure words kept, everything else masked: 石*村*组**号. */
  masked: string;
}

/**
 * Addresses in `folded` (text already through `foldForDetection`), overlapping forms merged.
 * Each match is widened to the place word it hangs on (石桥村 before 四组, 嘉定北路 before
 * 123号): two characters of name before 村 or 路 (three with a direction, 嘉定北路), so an
 * allow-list entry written with more of the name (市中区嘉定北路123号) means the same.
 */
export function findAddresses(folded: string): AddressMatch[] {
  const spans: { start: number; end: number }[] = [];
  const tryForm = (form: RegExp, at: number) => {
    form.lastIndex = at;
    const match = form.exec(folded);
    if (match) spans.push({ start: widen(folded, at), end: at + match[0].length });
  };
  for (const unit of folded.matchAll(AFTER_NUMBER)) {
    const start = numberStart(folded, unit.index);
    if (start !== undefined) for (const form of NUMBER_FORMS) tryForm(form, start);
  }
  for (const place of folded.matchAll(BEFORE_NUMBER)) tryForm(PLACE_FORM, place.index);
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: { start: number; end: number }[] = [];
  for (const span of spans) {
    const last = merged.at(-1);
    if (last && span.start <= last.end) last.end = Math.max(last.end, span.end);
    else merged.push({ ...span });
  }
  return merged.map(({ start, end }) => {
    const text = folded.slice(start, end);
    return {
      index: start,
      length: end - start,
      value: canonicalAddress(text),
      masked: maskAddress(text),
    };
  });
}

/** Start of the place word before a match: 村 or a road word and up to two name characters. */
function widen(text: string, start: number): number {
  let i = start;
  // A group number hangs on its village: 石桥村 | 四组.
  if (text[i - 1] === "村" && /[组社队]/.test(text.slice(i, i + 8))) i--;
  else if (!/[路街巷弄村大]/.test(text[i] ?? "")) return start;
  // The word itself (村, 路), then its direction (北路), then two characters of name.
  if (DIRECTIONS.includes(text[i - 1] ?? "") && /[路街]/.test(text[i] ?? "")) i--;
  for (let k = 0; k < 2 && CJK.test(text[i - 1] ?? ""); k++) i--;
  return i;
}

const DIGITS: Readonly<Record<string, number>> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const UNITS: Readonly<Record<string, number>> = { 十: 10, 百: 100, 千: 1000 };

/** 十二 → 12, 二十 → 20, 一百零五 → 105, 三〇五 → 305 (read digit by digit), 两 → 2. */
export function chineseNumeral(text: string): number {
  if (![...text].some((ch) => ch in UNITS)) {
    return Number([...text].map((ch) => DIGITS[ch] ?? 0).join(""));
  }
  let total = 0;
  let digit = 0;
  for (const ch of text) {
    const unit = UNITS[ch];
    if (unit === undefined) {
      digit = DIGITS[ch] ?? 0;
      continue;
    }
    // 十二: a unit with no digit before it counts once.
    total += (digit === 0 ? 1 : digit) * unit;
    digit = 0;
  }
  return total + digit;
}

/** The address with its numerals as digits and no spaces: 石桥村四组十二号 → 石桥村4组12号. */
export function canonicalAddress(text: string): string {
  return text
    .replace(/\s+/g, "")
    .replace(/[零〇一二三四五六七八九十百千两]+(?=[组社队号栋幢座楼单元室层户附])/g, (n) =>
      String(chineseNumeral(n)),
    );
}

function maskAddress(text: string): string {
  return [...text]
    .map((ch, i) => (STRUCTURE.has(ch) || (i === 0 && !NUMERAL.test(ch)) ? ch : "*"))
    .join("");
}
