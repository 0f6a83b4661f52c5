import type { DataIssue } from "./issues.ts";
import { WHOLE_FILE } from "./issues.ts";

const RESAVE_HINT =
  "请另存为 UTF-8:Excel 选「文件 → 另存为 → CSV UTF-8(逗号分隔)」,WPS 选「另存为 → CSV,编码 UTF-8」";

export type DecodeResult = { ok: true; text: string } | { ok: false; issue: DataIssue };

/**
 * Decodes a data file strictly as UTF-8. A UTF-8 BOM (which Excel writes) is stripped.
 * Anything else is rejected rather than guessed: a silently mis-decoded file would publish
 * garbled text. GBK/GB18030, what Excel in China saves by default, and UTF-16 ("Unicode
 * text") are recognised so the message can say what the file is and how to fix it.
 */
export function decodeDataFile(bytes: Uint8Array, file: string): DecodeResult {
  if (
    bytes.length >= 2 &&
    ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))
  ) {
    return fail(file, 1, "文件是 UTF-16 编码(Excel「Unicode 文本」)", RESAVE_HINT);
  }
  const body = hasUtf8Bom(bytes) ? bytes.subarray(3) : bytes;
  // Zero bytes are valid UTF-8 but never part of a data file; they mean UTF-16 saved without
  // a byte-order mark (every ASCII character followed by 0x00) or a binary file.
  const zero = body.indexOf(0);
  if (zero >= 0) {
    return {
      ok: false,
      issue: {
        file,
        ...locate(body, zero),
        column: WHOLE_FILE,
        problem: "文件含有空字节(0x00),可能是 UTF-16 编码或不是文本文件",
        allowed: RESAVE_HINT,
      },
    };
  }
  // The decoder is fast and right for well-formed files (almost all); the byte walk below
  // only runs to locate and name a problem.
  let text: string | undefined;
  try {
    text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(body);
  } catch {
    text = undefined;
  }
  if (text !== undefined && !NONCHARACTER.test(text)) return { ok: true, text };
  const invalid = firstInvalidUtf8(body);
  if (invalid) {
    const { line, position } = locate(body, invalid.offset);
    const problem =
      !invalid.utf8Shaped && looksLikeGb18030(body)
        ? "文件不是 UTF-8 编码,看起来是 GBK/GB18030(Excel 和 WPS 在中文系统上的默认编码)"
        : `文件不是有效的 UTF-8:${invalid.problem}(字节 ${hex(body, invalid.offset, invalid.length)})`;
    return {
      ok: false,
      issue: { file, line, position, column: WHOLE_FILE, problem, allowed: RESAVE_HINT },
    };
  }
  // Unreachable: the decoder and the byte walk follow the same table.
  throw new Error(`${file}: UTF-8 decoder and byte check disagree`);
}

/** U+FDD0–U+FDEF and the last two code points of every plane, as UTF-16. */
const NONCHARACTER =
  /[\uFDD0-\uFDEF\uFFFE\uFFFF]|[\uD83F\uD87F\uD8BF\uD8FF\uD93F\uD97F\uD9BF\uD9FF\uDA3F\uDA7F\uDABF\uDAFF\uDB3F\uDB7F\uDBBF\uDBFF][\uDFFE\uDFFF]/;

function fail(file: string, line: number, problem: string, allowed: string): DecodeResult {
  return { ok: false, issue: { file, line, column: WHOLE_FILE, problem, allowed } };
}

function hasUtf8Bom(bytes: Uint8Array): boolean {
  return bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
}

/** The first ill-formed or unwanted sequence of a UTF-8 file: where, how long, and why. */
export interface InvalidUtf8 {
  /** Byte offset of the sequence's first byte. */
  offset: number;
  /** Bytes shown in the message. */
  length: number;
  /** What is wrong, in an editor's words. */
  problem: string;
  /**
   * The bytes have UTF-8's shape (lead and continuation bytes in place) and break only its
   * finer rules: such a file was written as a kind of UTF-8, never as GBK.
   */
  utf8Shaped: boolean;
}

/**
 * Checks bytes against the well-formed UTF-8 table of the Unicode Standard (ch. 3, table
 * 3-7) and names what a file breaking it usually is: overlong forms and CESU-8 (surrogate
 * halves encoded one by one, as Java and older MySQL write supplementary characters) are
 * refused by every decoder but were counted as valid here by a lead-byte-only check, so the
 * error was reported at the end of the file. Noncharacters (U+FFFE, U+FDD0 …) are valid
 * UTF-8 yet never text: they come from broken conversions, so they are refused too.
 */
export function firstInvalidUtf8(bytes: Uint8Array): InvalidUtf8 | undefined {
  const at = (i: number): number => bytes[i] ?? -1;
  const isTrail = (b: number): boolean => b >= 0x80 && b <= 0xbf;
  let i = 0;
  while (i < bytes.length) {
    const b = at(i);
    if (b < 0x80) {
      i++;
      continue;
    }
    if (b >= 0x80 && b <= 0xbf)
      return {
        offset: i,
        length: 1,
        problem: "多出的后续字节,前面没有起始字节",
        utf8Shaped: false,
      };
    if (b === 0xc0 || b === 0xc1)
      return {
        offset: i,
        length: 2,
        problem: "超长编码(overlong),同一个字符用了多余的字节",
        utf8Shaped: true,
      };
    if (b >= 0xf5)
      return { offset: i, length: 1, problem: "不可能出现在 UTF-8 中的字节", utf8Shaped: false };
    const need = b <= 0xdf ? 1 : b <= 0xef ? 2 : 3;
    const second = at(i + 1);
    if (b === 0xe0 && second >= 0x80 && second <= 0x9f)
      return {
        offset: i,
        length: 3,
        problem: "超长编码(overlong),同一个字符用了多余的字节",
        utf8Shaped: true,
      };
    if (b === 0xf0 && second >= 0x80 && second <= 0x8f)
      return {
        offset: i,
        length: 4,
        problem: "超长编码(overlong),同一个字符用了多余的字节",
        utf8Shaped: true,
      };
    if (b === 0xf4 && second >= 0x90 && second <= 0xbf)
      return {
        offset: i,
        length: 4,
        problem: "超出 Unicode 范围(大于 U+10FFFF)的字符",
        utf8Shaped: true,
      };
    if (b === 0xed && second >= 0xa0 && second <= 0xbf) {
      const paired = second <= 0xaf && at(i + 3) === 0xed && at(i + 4) >= 0xb0 && at(i + 4) <= 0xbf;
      return paired
        ? {
            offset: i,
            length: 6,
            problem: "CESU-8 编码:增补字符被拆成两个代理项分别编码",
            utf8Shaped: true,
          }
        : { offset: i, length: 3, problem: "单独的代理项(surrogate),不是字符", utf8Shaped: true };
    }
    for (let k = 1; k <= need; k++) {
      if (!isTrail(at(i + k)))
        return {
          offset: i,
          length: k,
          problem: "字符的字节不完整(后续字节缺失)",
          utf8Shaped: false,
        };
    }
    const cp =
      need === 1
        ? ((b & 0x1f) << 6) | (second & 0x3f)
        : need === 2
          ? ((b & 0x0f) << 12) | ((second & 0x3f) << 6) | (at(i + 2) & 0x3f)
          : ((b & 0x07) << 18) |
            ((second & 0x3f) << 12) |
            ((at(i + 2) & 0x3f) << 6) |
            (at(i + 3) & 0x3f);
    if ((cp >= 0xfdd0 && cp <= 0xfdef) || (cp & 0xfffe) === 0xfffe) {
      const name = `U+${cp.toString(16).toUpperCase().padStart(4, "0")}`;
      return {
        offset: i,
        length: need + 1,
        problem: `非字符 ${name},不是文字,多为转换出错或文件损坏`,
        utf8Shaped: true,
      };
    }
    i += need + 1;
  }
  return undefined;
}

/** Line and character position (both 1-based) of a byte offset in valid UTF-8 before it. */
function locate(bytes: Uint8Array, offset: number): { line: number; position: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    if (bytes[i] === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  let position = 1;
  // Characters, not bytes: every byte but a continuation byte starts one.
  for (let i = lineStart; i < offset; i++) if (((bytes[i] ?? 0) & 0xc0) !== 0x80) position++;
  return { line, position };
}

function hex(bytes: Uint8Array, offset: number, length: number): string {
  return [...bytes.subarray(offset, Math.min(bytes.length, offset + length))]
    .map((b) => b.toString(16).toUpperCase().padStart(2, "0"))
    .join(" ");
}

/**
 * True when the bytes decode cleanly as GB18030 and most non-ASCII characters are CJK
 * ideographs or CJK punctuation, i.e. the file is very likely Chinese text saved as GBK.
 */
export function looksLikeGb18030(bytes: Uint8Array): boolean {
  let text: string;
  try {
    text = new TextDecoder("gb18030", { fatal: true }).decode(bytes);
  } catch {
    return false;
  }
  let nonAscii = 0;
  let cjk = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    if (cp < 0x80) continue;
    nonAscii++;
    if (
      (cp >= 0x4e00 && cp <= 0x9fff) ||
      (cp >= 0x3000 && cp <= 0x303f) ||
      (cp >= 0xff00 && cp <= 0xffef)
    )
      cjk++;
  }
  return nonAscii > 0 && cjk / nonAscii > 0.8;
}
