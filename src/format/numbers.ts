/**
 * How numbers read on Gongshi: one module, one rounding rule, used by pages, prose figures,
 * downloads and feeds alike, so one figure never reads two ways (the editor guide states the
 * rule, from `ROUNDING_RULE`).
 *
 * The rule: a rate is rounded half up, at one decimal of a percent, on the exact fraction of
 * its two counts (204 of 245 is 83.265…% and reads 83.3%); a share known only as a number is
 * rounded the same way on its decimal value. Counts are grouped by thousands with commas.
 * Written out rather than left to `Intl`, whose output depends on the ICU data of the Node
 * that builds the site.
 */

/** The rounding rule in an editor's words (shown in the guide). */
export const ROUNDING_RULE =
  "比率以分子、分母两个整数精确计算，保留一位小数，第二位小数四舍五入（如 204/245 = 83.265…% 写作 83.3%）；小数部分为 0 时也保留（如 100.0%）。";

/** Shown where a figure has nothing to divide by, or no value yet. */
export const NO_VALUE = "—";

/**
 * Tenths of a percent of `part / whole`, rounded half up on the exact fraction:
 * ⌊(2000·part + whole) / (2·whole)⌋. Exact for counts up to 2^53 / 2000.
 */
function tenthsOfPercent(part: number, whole: number): number {
  return Math.floor((2000 * part + whole) / (2 * whole));
}

/** A rate from its counts, e.g. `percentOf(204, 245)` → `83.3%`; `—` when `whole` is 0. */
export function percentOf(part: number, whole: number): string {
  if (whole === 0) return NO_VALUE;
  return tenthsToPercent(tenthsOfPercent(part, whole));
}

/** The rate from its counts as a number of percent with one decimal (83.3), for downloads. */
export function percentValue(part: number, whole: number): number | undefined {
  return whole === 0 ? undefined : tenthsOfPercent(part, whole) / 10;
}

/**
 * A share (0–1) known only as a number, e.g. a published rate: `0.875` → `87.5%`. Rounded half
 * up at one decimal of a percent, on the decimal value (so 0.8325 reads 83.3%).
 */
export function formatShare(share: number | undefined): string {
  if (share === undefined || !Number.isFinite(share)) return NO_VALUE;
  // toPrecision(15) drops binary noise (0.8325 * 1000 = 832.4999…) before rounding.
  const tenths = Math.floor(Number((share * 1000).toPrecision(15)) + 0.5);
  return tenthsToPercent(tenths);
}

function tenthsToPercent(tenths: number): string {
  const sign = tenths < 0 ? "-" : "";
  const abs = Math.abs(tenths);
  return `${sign}${Math.floor(abs / 10)}.${abs % 10}%`;
}

/** `12345` → `12,345`; decimals kept as given (`1234.5` → `1,234.5`). */
export function formatCount(count: number): string {
  const [whole = "", fraction] = String(Math.abs(count)).split(".");
  const grouped = whole.replace(/\B(?=(\d{3})+$)/g, ",");
  return `${count < 0 ? "-" : ""}${grouped}${fraction === undefined ? "" : `.${fraction}`}`;
}

/**
 * A number of days: whole days plain, a median between two days with `.5` (6.5); `—` when
 * there is none.
 */
export function formatDays(days: number | undefined): string {
  if (days === undefined) return NO_VALUE;
  return Number.isInteger(days) ? formatCount(days) : days.toFixed(1);
}
