import type { LetterGroupStatistics } from "./statistics.ts";

/**
 * How the mailbox's figures read in Chinese. Pure and shared by pages, the home page's
 * headline and the CSV download, so one figure is never written two ways.
 */

/** `62.5%`, or `—` when there is nothing to divide. One decimal, never rounded to 100% falsely. */
export function percent(part: number, whole: number): string {
  if (whole === 0) return "—";
  const value = Math.floor((part / whole) * 1000) / 10;
  return `${value.toFixed(1)}%`;
}

/** A day count that may be a median of two middle values (6.5), or `—` when undefined. */
export function days(value: number | undefined): string {
  if (value === undefined) return "—";
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
}

/** `受理 260 件,其中书记亲自阅处 92 件,作出批示 25 件`: the form the published figures take. */
export function receivedSentence(stats: LetterGroupStatistics): string {
  return `受理来信 ${stats.received} 件,其中书记亲自阅处 ${stats.handledByPrincipal} 件,作出批示 ${stats.withInstruction} 件`;
}

/** The URL-safe slug of a mailbox level, a public contract. */
export const LEVEL_SLUGS = { 市: "city", 县: "county", 乡: "township" } as const;
