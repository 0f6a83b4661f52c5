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
    return fail(
      file,
      countLines(body, zero),
      "文件含有空字节(0x00),可能是 UTF-16 编码或不是文本文件",
      RESAVE_HINT,
    );
  }
  try {
    const text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(body);
    return { ok: true, text };
  } catch {
    const offset = firstInvalidUtf8Offset(body);
    const line = countLines(body, offset);
    const problem = looksLikeGb18030(body)
      ? "文件不是 UTF-8 编码,看起来是 GBK/GB18030(Excel 和 WPS 在中文系统上的默认编码)"
      : `文件不是有效的 UTF-8 编码(第 ${offset + 1} 个字节无法解码)`;
    return fail(file, line, problem, RESAVE_HINT);
  }
}

function fail(file: string, line: number, problem: string, allowed: string): DecodeResult {
  return { ok: false, issue: { file, line, column: WHOLE_FILE, problem, allowed } };
}

function hasUtf8Bom(bytes: Uint8Array): boolean {
  return bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
}

function countLines(bytes: Uint8Array, end: number): number {
  let line = 1;
  for (let i = 0; i < end; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

/** Byte offset of the first byte that does not start or continue a valid UTF-8 sequence. */
export function firstInvalidUtf8Offset(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] ?? 0;
    const need =
      b < 0x80
        ? 0
        : b >= 0xc2 && b <= 0xdf
          ? 1
          : b >= 0xe0 && b <= 0xef
            ? 2
            : b >= 0xf0 && b <= 0xf4
              ? 3
              : -1;
    if (need < 0) return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
    }
    i += need + 1;
  }
  return bytes.length;
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
