import type { LetterGroupStatistics } from "./statistics.ts";

/**
 * How the mailbox's figures read in Chinese. Pure and shared by pages, the home page's
 * headline and the CSV download, so one figure is never written two ways.
 */

/** `受理 260 件,其中书记亲自阅处 92 件,作出批示 25 件`: the form the published figures take. */
export function receivedSentence(stats: LetterGroupStatistics): string {
  return `受理来信 ${stats.received} 件,其中书记亲自阅处 ${stats.handledByPrincipal} 件,作出批示 ${stats.withInstruction} 件`;
}
