/**
 * Chinese typography, in one place: which punctuation Chinese text uses, and the one spacing
 * rule between Chinese and digits or Latin letters. Pages and the tests over the rendered
 * site follow it; `npm run validate` warns editors about prose that does not.
 *
 * - Punctuation: Chinese text takes full-width marks (GB/T 15834-2011, 标点符号用法):
 *   ，：；（）？！ rather than , : ; ( ) ? ! next to a Chinese character.
 * - Spacing: no space character between a Chinese character (or full-width mark) and a digit
 *   or Latin letter: 已逾期119天, 数据截至2026年10月31日, 本条数据（JSON）. The gap readers see
 *   comes from the stylesheet (CSS `text-autospace`), so text, downloads and feeds never
 *   carry two spellings of one sentence.
 */

/** Half-width marks and the full-width marks Chinese text uses instead. */
export const FULL_WIDTH: Readonly<Record<string, string>> = {
  ",": "，",
  ":": "：",
  ";": "；",
  "(": "（",
  ")": "）",
  "?": "？",
  "!": "！",
};

/** A Chinese character, or a mark that only Chinese text uses (full-width, 《》, “”). */
const CHINESE =
  /[\p{Script=Han}\u3000-\u303f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65“”‘’…—]/u;
const HALF_WIDTH = /[,:;()?!]/gu;
// Spaces as typed; a tab separates cells (of a table, or of rendered text), not words.
const SPACE = /[ \u00a0]/u;

export function isChinese(character: string | undefined): boolean {
  return character !== undefined && CHINESE.test(character);
}

/** The nearest character before (step -1) or after (step 1) `index` that is not a space. */
function neighbour(text: string, index: number, step: 1 | -1): string | undefined {
  for (let i = index + step; i >= 0 && i < text.length; i += step) {
    const character = text[i] ?? "";
    if (!SPACE.test(character)) return character;
  }
  return undefined;
}

export interface TypographyProblem {
  /** Offset in the text. */
  index: number;
  /** The text found, e.g. `,` or `期 1`. */
  found: string;
  /** What to write instead. */
  expected: string;
}

/**
 * Half-width `, : ; ( ) ? !` next to Chinese (spaces between them do not count): `发布:`,
 * `(非官方)`, `数据, (`. Marks between digits or Latin words (`14:30`, `CC BY 4.0, 2024`)
 * are left alone.
 */
export function findHalfWidthPunctuation(text: string): TypographyProblem[] {
  const problems: TypographyProblem[] = [];
  for (const match of text.matchAll(HALF_WIDTH)) {
    const mark = match[0];
    if (isChinese(neighbour(text, match.index, -1)) || isChinese(neighbour(text, match.index, 1))) {
      problems.push({ index: match.index, found: mark, expected: FULL_WIDTH[mark] ?? mark });
    }
  }
  return problems;
}

const LOOSE =
  /([\p{Script=Han}\uff01-\uff0f\uff1a-\uff20\u3001-\u3011“”])[ \u00a0]+(?=[A-Za-z0-9])|([A-Za-z0-9%])[ \u00a0]+(?=[\p{Script=Han}\uff08\u3008-\u3011“])/gu;

/** Spaces between Chinese and a digit or Latin letter: `已逾期 119 天`, `Gongshi 演示站`. */
export function findLooseSpacing(text: string): TypographyProblem[] {
  const problems: TypographyProblem[] = [];
  for (const match of text.matchAll(LOOSE)) {
    const kept = match[1] ?? match[2] ?? "";
    const after = text[match.index + match[0].length] ?? "";
    problems.push({
      index: match.index,
      found: `${match[0]}${after}`,
      expected: `${kept}${after}`,
    });
  }
  return problems;
}

/**
 * Text as the rules want it: full-width marks next to Chinese (a bracket's partner too, so
 * `数据(JSON)` becomes `数据（JSON）`), and no space between Chinese and digits or Latin.
 */
export function tidyChinese(text: string): string {
  const characters = [...text];
  // Offsets of `text` are UTF-16; map them to positions in `characters`.
  const position = new Map<number, number>();
  let offset = 0;
  characters.forEach((character, i) => {
    position.set(offset, i);
    offset += character.length;
  });
  const open: number[] = [];
  const pairs = new Map<number, number>();
  characters.forEach((character, i) => {
    if (character === "(") open.push(i);
    else if (character === ")") {
      const start = open.pop();
      if (start !== undefined) {
        pairs.set(start, i);
        pairs.set(i, start);
      }
    }
  });
  for (const problem of findHalfWidthPunctuation(text)) {
    const i = position.get(problem.index);
    if (i === undefined) continue;
    characters[i] = problem.expected;
    const partner = pairs.get(i);
    const other = partner === undefined ? undefined : characters[partner];
    if (partner !== undefined && other !== undefined)
      characters[partner] = FULL_WIDTH[other] ?? other;
  }
  return characters
    .join("")
    .replace(LOOSE, (_match, chinese?: string, latin?: string) => chinese ?? latin ?? "");
}
