import type { QueryTerm } from "./query.ts";

/**
 * A date is written two ways on the site: 2024-03-05 in tables and facts, 2024年3月5日 in
 * prose and timelines. A query for either form finds both: the other form becomes an
 * alternative of the term (like a synonym). ISO dates arrive as one code alias (tokens.ts):
 * 2024-03-05 as `20240305`, 2024-03 as `202403`.
 */

const ISO_ALIAS = /^(\d{4})(\d{2})(\d{2})?$/u;

function chineseTokens(year: string, month: string, day: string | undefined): string[] {
  const tokens = [year, "年", String(Number(month)), "月"];
  return day === undefined ? tokens : [...tokens, String(Number(day)), "日"];
}

function validDate(month: string, day: string | undefined): boolean {
  const m = Number(month);
  const d = day === undefined ? 1 : Number(day);
  return m >= 1 && m <= 12 && d >= 1 && d <= 31;
}

/** The other way of writing the date a term is, if it is one. */
export function otherDateForm(term: QueryTerm): string[] | undefined {
  const { tokens } = term;
  const [only] = tokens;
  if (tokens.length === 1 && only !== undefined && term.codes?.includes(only)) {
    const match = ISO_ALIAS.exec(only);
    if (!match) return undefined;
    const [, year = "", month = "", day] = match;
    return validDate(month, day) ? chineseTokens(year, month, day) : undefined;
  }
  // 2024年3月5日 or 2024年3月: year, 年, month, 月 (, day, 日).
  const [year = "", nian, month = "", yue, day, ri] = tokens;
  const written =
    /^\d{4}$/u.test(year) &&
    nian === "年" &&
    /^\d{1,2}$/u.test(month) &&
    yue === "月" &&
    (tokens.length === 4 || (tokens.length === 6 && /^\d{1,2}$/u.test(day ?? "") && ri === "日"));
  if (!written || !validDate(month, day)) return undefined;
  const pad = (n: string) => n.padStart(2, "0");
  return [`${year}${pad(month)}${day === undefined ? "" : pad(day)}`];
}

/** Each date term with its other form as an alternative. */
export function withDateForms(terms: readonly QueryTerm[]): QueryTerm[] {
  return terms.map((term) => {
    const other = otherDateForm(term);
    return other === undefined
      ? term
      : { ...term, alternatives: [...(term.alternatives ?? []), other] };
  });
}
