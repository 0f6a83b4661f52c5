import type { IsoDate } from "../data/dates.ts";

/** A piece of a fact's value: text, a link, or a date (shown in Chinese, marked up as `<time>`). */
export type FactPart =
  { text: string; href?: string | undefined; external?: boolean } | { date: IsoDate };

/**
 * One of an item's key facts (编号, 区县, 责任单位 …) as its register's page shows it: the
 * register decides what the facts are, the kit's `FactsList` how they look.
 */
export interface Fact {
  label: string;
  value: string | readonly FactPart[];
}

/** `[date]`, or the words for no date (未设期限, 尚未答复 …). */
export function dateFact(date: IsoDate | undefined, none: string): readonly FactPart[] {
  return date === undefined ? [{ text: none }] : [{ date }];
}
