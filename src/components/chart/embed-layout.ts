import { formatChineseDate } from "../../data/dates.ts";

/**
 * How tall an embedded chart is at a given width, computed from its text and the embed's
 * fixed layout, so the iframe code we suggest is as tall as the content: nothing cut off, no
 * scroll bar inside the frame, no empty band under it.
 *
 * The embed (`EmbedChart.astro`) is built to be predictable: every block has a fixed font
 * size, line height and margin (the constants below, which its CSS repeats), the chart has a
 * fixed height at every width, and the table is folded away in a closed `<details>`. What
 * varies is how many lines each text wraps to, which `lineCount` works out the way the
 * browser does: Chinese characters are 1 em wide and may break between any two, except that
 * closing punctuation stays with the character before it and opening punctuation with the one
 * after; a run of Latin letters or digits breaks only at spaces. Latin widths are taken
 * generously (DejaVu Sans, the widest common fallback), so a guess errs on the tall side.
 *
 * Content height only shrinks as the width grows (the chart's height is fixed, text wraps
 * less), so the height for a width fits every wider frame too. The browser test loads each
 * embed at the suggested sizes and checks both that nothing is cut off and that little is
 * left over (tests/e2e/embed.test.ts); if the CSS and these constants drift apart it fails.
 */

/** The text blocks of an embed, in order: what the embed renders and what is measured. */
export interface EmbedText {
  /** e.g. the sample-data notice, its bold label first; absent when there is none. */
  notice?: { label: string; text: string };
  title: string;
  /**
   * The one value of a series with only one, shown large in place of the chart (a single bar
   * says nothing a number does not); absent when there is a chart.
   */
  figure?: string;
  /** One sentence: the latest figure. The full description sits with the table. */
  summary: string;
  /** `出处：…` */
  source: string;
  /** `数据截至…。` and the link text back to the full page, on the line under the source. */
  back: { lead: string; link: string };
}

/** What a page knows about its embed; `embedText` words it. */
export interface EmbedContent {
  notice?: { label: string; text: string };
  title: string;
  figure?: string;
  summary: string;
  sources: readonly string[];
  siteName: string;
  /** The data's date, `YYYY-MM-DD`. */
  asOf: string;
  /** What the full page adds, e.g. `定义、各县区、下载`. */
  fullPageHas: string;
}

export function embedText(content: EmbedContent): EmbedText {
  return {
    ...(content.notice ? { notice: content.notice } : {}),
    title: content.title,
    ...(content.figure === undefined ? {} : { figure: content.figure }),
    summary: content.summary,
    source: `出处：${content.sources.join("；")}`,
    back: {
      lead: `数据截至${formatChineseDate(content.asOf)}。`,
      link: `在${content.siteName}查看完整页面（${content.fullPageHas}）`,
    },
  };
}

/** Pixel sizes at the browser's default 16 px root; the embed's CSS uses the same in rem. */
export const EMBED_LAYOUT = {
  /** `main` padding on every side. */
  padding: 16,
  /** The chart frame's height (15rem), the same at every width. */
  chartHeight: 240,
  chartGap: 12,
  /** The single value shown instead of a chart, one line at 36 px. */
  figure: { font: 36, lineHeight: 1.3, gap: 12, bold: true },
  notice: { font: 16, lineHeight: 1.75, paddingBlock: 8, paddingInline: 16, border: 4, gap: 12 },
  title: { font: 22, lineHeight: 1.35, gap: 8, bold: true },
  summary: { font: 18, lineHeight: 1.75, gap: 4 },
  source: { font: 16, lineHeight: 1.75, gap: 0 },
  back: { font: 16, lineHeight: 1.75, gap: 12 },
  /** The closed `<details>`: one line of 18 px text with 8 px padding above and below. */
  details: { font: 18, lineHeight: 1.75, paddingBlock: 8 },
  /** The iframe's default border (2 px inset) on both sides, when the host keeps it. */
  frameBorder: 4,
  /** Rounding in the browser's line boxes, at most a pixel per block. */
  slack: 6,
} as const;

/** Container widths a journalist picks from: a phone column, a tablet or article column, a wide article. */
export const EMBED_WIDTHS = [360, 640, 960] as const;

/** Full-width punctuation that may not start a line: kept with the character before it. */
const CLOSING = new Set([..."，。、；：？！）」』》〉】〕”’…—"]);
/** Full-width punctuation that may not end a line: kept with the character after it. */
const OPENING = new Set([..."（「『《〈【〔“‘"]);

/** Chinese characters and kana: 1 em, a break allowed on either side. */
const IDEOGRAPH = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;

/** Wide (1 em) punctuation and symbols: CJK and full-width forms. */
function isWidePunctuation(char: string): boolean {
  const code = char.codePointAt(0) ?? 0;
  return (
    CLOSING.has(char) ||
    OPENING.has(char) ||
    (code >= 0x3000 && code <= 0x303f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6)
  );
}

/**
 * Width in em of a Latin letter, digit or sign, a little over DejaVu Sans's (digits 0.636,
 * capitals 0.672 on average), so a line never holds more than the browser's; bold is wider.
 */
function narrowWidth(char: string, bold: boolean): number {
  const width = /[.,:;'|!il()[\]/·]/.test(char)
    ? 0.4
    : /[A-Z%@mw]/.test(char)
      ? 0.8
      : /[0-9]/.test(char)
        ? 0.64
        : 0.6;
  return bold ? width * 1.1 : width;
}

interface Token {
  width: number;
  /** A space: a break opportunity that takes no room at the start of a line. */
  space: boolean;
  /** Ends in closing punctuation, whose second half may hang past the line's end. */
  hangs: boolean;
}

/**
 * Text as unbreakable pieces, widths in em: each Chinese character (with the punctuation
 * that stays with it), each Latin word, each space; with `text-autospace`'s 1/8 em between
 * a Chinese character and a Latin letter or digit.
 */
function tokens(text: string, bold: boolean): Token[] {
  const out: Token[] = [];
  let word: Token | undefined;
  let pending = 0; // opening punctuation waiting for the character it stays with
  let previous: "ideograph" | "alnum" | "other" = "other";
  for (const char of text) {
    if (/\s/.test(char)) {
      word = undefined;
      out.push({ width: narrowWidth(" ", false) * 0.8, space: true, hangs: false });
      previous = "other";
      continue;
    }
    const ideograph = IDEOGRAPH.test(char);
    const alnum = /[\p{L}\p{N}]/u.test(char) && !ideograph;
    const gap =
      (ideograph && previous === "alnum") || (alnum && previous === "ideograph") ? 0.125 : 0;
    const last = out.at(-1);
    if (CLOSING.has(char) && last && !last.space) {
      last.width += 1;
      last.hangs = true;
      word = undefined;
    } else if (OPENING.has(char)) {
      pending += 1;
      word = undefined;
    } else if (ideograph || isWidePunctuation(char)) {
      out.push({ width: 1 + gap + pending, space: false, hangs: false });
      pending = 0;
      word = undefined;
    } else if (word && pending === 0) {
      word.width += narrowWidth(char, bold) + gap;
    } else {
      word = { width: narrowWidth(char, bold) + gap + pending, space: false, hangs: false };
      out.push(word);
      pending = 0;
    }
    previous = ideograph ? "ideograph" : alnum ? "alnum" : "other";
  }
  if (pending > 0) out.push({ width: pending, space: false, hangs: false });
  return out;
}

/** Lines `text` takes in a box `width` px wide at `fontSize` px, breaking as the browser does. */
export function lineCount(text: string, width: number, fontSize: number, bold = false): number {
  const max = width / fontSize;
  let lines = 1;
  let used = 0;
  for (const token of tokens(text.trim(), bold)) {
    if (token.space) {
      if (used > 0) used += token.width;
      continue;
    }
    let tokenWidth = token.width;
    // Closing punctuation at the end of a line is set half width when it would not fit
    // otherwise (CSS `text-spacing-trim: normal`, Chromium's default).
    const fits = used + tokenWidth - (token.hangs ? 0.5 : 0) <= max;
    if (used > 0 && !fits) {
      lines += 1;
      used = 0;
    }
    // A word longer than a line breaks anywhere (`overflow-wrap: anywhere`).
    while (tokenWidth > max) {
      lines += 1;
      tokenWidth -= max;
    }
    used += tokenWidth;
  }
  return lines;
}

/** The embed's content height in px when its frame is `frameWidth` px wide. */
export function embedHeight(text: EmbedText, frameWidth: number): number {
  const l = EMBED_LAYOUT;
  const inner = frameWidth - l.frameBorder - 2 * l.padding;
  const block = (
    value: string,
    style: { font: number; lineHeight: number; gap: number; bold?: boolean },
    boxWidth = inner,
  ) =>
    lineCount(value, boxWidth, style.font, style.bold) * style.font * style.lineHeight + style.gap;
  const notice =
    text.notice === undefined
      ? 0
      : block(
          text.notice.label + text.notice.text,
          l.notice,
          inner - 2 * l.notice.paddingInline - l.notice.border,
        ) +
        2 * l.notice.paddingBlock;
  const details = l.details.font * l.details.lineHeight + 2 * l.details.paddingBlock;
  return Math.ceil(
    2 * l.padding +
      notice +
      block(text.title, l.title) +
      (text.figure === undefined ? l.chartHeight + l.chartGap : block(text.figure, l.figure)) +
      block(text.summary, l.summary) +
      block(text.source, l.source) +
      block(text.back.lead + text.back.link, l.back) +
      details +
      l.frameBorder +
      l.slack,
  );
}

/** The height to suggest for each common width, narrowest first. */
export function embedHeights(text: EmbedText): { width: number; height: number }[] {
  return EMBED_WIDTHS.map((width) => ({ width, height: embedHeight(text, width) }));
}
