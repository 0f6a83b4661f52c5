import { isCitizenIdNumber, isOldCitizenIdNumber, passesLuhn } from "./checksums.ts";
import { findAddresses } from "./addresses.ts";
import { foldForDetection, foldedText } from "./fold.ts";

/**
 * What the guard looks for, with the word an editor reads in a message. Each kind is a
 * shape people actually write (groups only where people put spaces or dashes) plus, where
 * one exists, the arithmetic a real number passes, so that dates (2024-03-05), register ids
 * (HB-2018-0042), amounts (1,234.50) and six-digit region codes never match.
 */
export const PERSONAL_DATA_KINDS = {
  citizenId: "身份证号",
  oldCitizenId: "15 位旧身份证号",
  bankCard: "银行卡号",
  mobile: "手机号",
  landline: "固定电话",
  email: "电子邮箱",
  address: "住址",
} as const;

export type PersonalDataKind = keyof typeof PERSONAL_DATA_KINDS;

/** One piece of personal data found in a text. */
export interface PersonalDataHit {
  kind: PersonalDataKind;
  /** Offset and length in the original text. */
  index: number;
  length: number;
  /**
   * The number or address in one canonical spelling (digits only, upper-case X, no country
   * code; e-mail lower-cased), for comparison with the allow list. Never print it.
   */
  value: string;
  /** What may be printed: the kind and a masked form, e.g. `手机号 138******00`. */
  masked: string;
}

interface Detector {
  kind: Exclude<PersonalDataKind, "email" | "address">;
  pattern: RegExp;
  /** Canonical value of a match, or undefined when the match is not a real number. */
  accept: (match: string) => string | undefined;
}

const digitsOf = (match: string): string => match.replace(/[^\dXx]/g, "").toUpperCase();

/** No digit before (so a match never starts inside a longer number), no decimal point. */
const START = String.raw`(?<![\d.])`;
/** No digit after, and not the integer part of a decimal. */
const END = String.raw`(?!\d|\.\d)`;
/** At most one space or dash between digit groups. */
const SEP = "[ -]?";

/** File extensions that look like top-level domains in asset names such as `logo@2x.png`. */
const ASSET_EXTENSIONS = new Set([
  "png",
  "jpg",
  "jpeg",
  "gif",
  "svg",
  "webp",
  "avif",
  "ico",
  "js",
  "mjs",
  "css",
  "json",
  "woff",
  "woff2",
  "ttf",
  "map",
]);

/** Most specific first: where matches overlap, the longer one wins, then this order. */
const DETECTORS: readonly Detector[] = [
  {
    // 18 characters grouped as people write them: 6-8-4 or 6-4-4-4, or without separators.
    kind: "citizenId",
    pattern: new RegExp(
      `${START}[1-9]\\d{5}${SEP}\\d{4}${SEP}\\d{4}${SEP}\\d{3}[\\dXx]${END}`,
      "g",
    ),
    accept: (match) => {
      const value = digitsOf(match);
      return isCitizenIdNumber(value) ? value : undefined;
    },
  },
  {
    kind: "oldCitizenId",
    pattern: new RegExp(`${START}[1-9]\\d{5}${SEP}\\d{6}${SEP}\\d{3}${END}`, "g"),
    accept: (match) => {
      const value = digitsOf(match);
      return isOldCitizenIdNumber(value) ? value : undefined;
    },
  },
  {
    // 16–19 digits in groups of four, first digit as issued by card schemes (2–6).
    kind: "bankCard",
    pattern: new RegExp(`${START}[2-6]\\d{3}(?:${SEP}\\d{4}){3}(?:${SEP}\\d{1,3})?${END}`, "g"),
    accept: (match) => {
      const value = digitsOf(match);
      return passesLuhn(value) ? value : undefined;
    },
  },
  {
    // 1[3-9]x xxxx xxxx, optionally after +86, 0086 or 86.
    kind: "mobile",
    pattern: new RegExp(
      `${START}(?:(?:\\+|00)?86${SEP})?1[3-9]\\d${SEP}\\d{4}${SEP}\\d{4}${END}`,
      "g",
    ),
    accept: (match) => digitsOf(match).slice(-11),
  },
  {
    // Area code (010, 02x, or 0[3-9]xx, optionally in brackets) and a 7–8 digit number not
    // starting with 0 or 1. Service numbers such as 12345 have no area code and never match.
    kind: "landline",
    pattern: new RegExp(
      `${START}(?:\\((?:010|02\\d|0[3-9]\\d{2})\\) ?|(?:010|02\\d|0[3-9]\\d{2})${SEP})[2-9]\\d{2,3}${SEP}\\d{4}${END}`,
      "g",
    ),
    accept: (match) => digitsOf(match),
  },
];

const KIND_ORDER: readonly PersonalDataKind[] = [
  ...DETECTORS.map((detector) => detector.kind),
  "email",
  "address",
];

const EMAIL_LOCAL = /[A-Za-z0-9._%+-]/;
const EMAIL_DOMAIN =
  /[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*\.[A-Za-z]{2,24}(?![A-Za-z0-9-])/y;

/**
 * E-mail addresses, found from each `@` outwards. A plain regular expression would retry
 * the local part from every letter of a long minified script or base64 run, which is
 * quadratic; anchoring on `@` keeps the scan linear.
 */
function findEmails(folded: string): { index: number; length: number; value: string }[] {
  const found: { index: number; length: number; value: string }[] = [];
  for (let at = folded.indexOf("@"); at >= 0; at = folded.indexOf("@", at + 1)) {
    let start = at;
    // RFC 5321 limits the local part to 64 characters.
    while (start > 0 && at - start < 64 && EMAIL_LOCAL.test(folded[start - 1] ?? "")) start--;
    while (start < at && folded[start] === ".") start++;
    if (start === at) continue;
    EMAIL_DOMAIN.lastIndex = at + 1;
    const domain = EMAIL_DOMAIN.exec(folded);
    if (!domain) continue;
    const tld = domain[0].slice(domain[0].lastIndexOf(".") + 1).toLowerCase();
    if (ASSET_EXTENSIONS.has(tld)) continue;
    const length = at + 1 + domain[0].length - start;
    found.push({ index: start, length, value: folded.slice(start, start + length).toLowerCase() });
  }
  return found;
}

/** `138******00`: enough to find the place, not enough to use the number. */
export function maskValue(kind: PersonalDataKind, value: string): string {
  if (kind === "email") {
    const at = value.indexOf("@");
    const domain = value.slice(at + 1);
    const dot = domain.lastIndexOf(".");
    return `${value[0] ?? ""}***@${domain[0] ?? ""}***${domain.slice(dot)}`;
  }
  const keepStart = 3;
  const keepEnd = 2;
  return `${value.slice(0, keepStart)}${"*".repeat(Math.max(0, value.length - keepStart - keepEnd))}${value.slice(-keepEnd)}`;
}

/** Every piece of personal data in `text`, in text order, overlapping matches resolved. */
export function findPersonalData(text: string): PersonalDataHit[] {
  const folded = foldedText(text);
  const candidates: PersonalDataHit[] = [];
  for (const detector of DETECTORS) {
    const pattern = new RegExp(detector.pattern.source, detector.pattern.flags);
    for (let match = pattern.exec(folded); match; match = pattern.exec(folded)) {
      const value = detector.accept(match[0]);
      if (value !== undefined) {
        candidates.push({
          kind: detector.kind,
          index: match.index,
          length: match[0].length,
          value,
          masked: `${PERSONAL_DATA_KINDS[detector.kind]} ${maskValue(detector.kind, value)}`,
        });
      } else {
        // A rejected match may hide a real number starting inside it: look again one
        // character further on rather than after the whole match.
        pattern.lastIndex = match.index + 1;
      }
    }
  }
  for (const email of findEmails(folded)) {
    candidates.push({
      kind: "email",
      ...email,
      masked: `${PERSONAL_DATA_KINDS.email} ${maskValue("email", email.value)}`,
    });
  }
  for (const address of findAddresses(folded)) {
    candidates.push({
      kind: "address",
      index: address.index,
      length: address.length,
      value: address.value,
      masked: `${PERSONAL_DATA_KINDS.address} ${address.masked}`,
    });
  }
  candidates.sort(
    (a, b) =>
      b.length - a.length ||
      KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) ||
      a.index - b.index,
  );
  const kept: PersonalDataHit[] = [];
  for (const candidate of candidates) {
    const overlaps = kept.some(
      (hit) =>
        candidate.index < hit.index + hit.length && hit.index < candidate.index + candidate.length,
    );
    if (!overlaps) kept.push(candidate);
  }
  if (kept.length === 0) return [];
  // Back from folded to original offsets (folding drops invisible characters); worked out
  // only now, as almost every text scanned has no hit.
  const { offsets } = foldForDetection(text);
  return kept
    .sort((a, b) => a.index - b.index)
    .map((hit) => {
      const start = offsets[hit.index] ?? hit.index;
      const end = (offsets[hit.index + hit.length - 1] ?? hit.index + hit.length - 1) + 1;
      return { ...hit, index: start, length: end - start };
    });
}

/**
 * The canonical value of `text` when the whole of it (trimmed) is one recognisable number
 * or address; used to check allow-list entries, which must name exactly one such value.
 * An address may start with more of its place name than the guard keeps (市中区嘉定北路123号
 * is kept as 嘉定北路123号), but must end where the address ends.
 */
export function wholeValueOf(text: string): { kind: PersonalDataKind; value: string } | undefined {
  const trimmed = text.trim();
  const hits = findPersonalData(trimmed);
  const [hit] = hits;
  if (hits.length !== 1 || !hit || hit.index + hit.length !== trimmed.length) return undefined;
  const leading = trimmed.slice(0, hit.index);
  if (hit.kind === "address" ? !/^[\u3400-\u9fff]*$/.test(leading) : leading !== "")
    return undefined;
  return { kind: hit.kind, value: hit.value };
}
