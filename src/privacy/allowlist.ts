import { existsSync } from "node:fs";
import { join } from "node:path";
import type { DataContext } from "../data/context.ts";
import { quote } from "../data/issues.ts";
import { text } from "../data/fields.ts";
import { defineTable } from "../data/table.ts";
import { PERSONAL_DATA_KINDS, wholeValueOf } from "./detectors.ts";
import type { PersonalDataHit } from "./detectors.ts";

/**
 * `privacy-allowlist.csv`: numbers that are public on purpose (an office phone printed in a
 * reply, a hotline with its area code). An entry allows exactly that one number, in any
 * spelling (spaces, dashes, full-width digits, +86), everywhere; never a prefix or a range.
 */
export const privacyAllowlistTable = defineTable({
  file: "privacy-allowlist.csv",
  title: "隐私检查允许清单",
  primaryKey: "value",
  columns: {
    /** The public number or address, written as it is published, e.g. 0833-2123456. */
    // The example stays in words: the editor guide prints this doc, and the guard would
    // rightly stop a build whose pages show a number shaped like a phone number.
    value: text({
      doc: "允许公开的号码、邮箱或单位地址,照对外公布时的写法填写,如某单位的值班电话或办公地址;只放行这一个",
      max: 100,
    }),
    /** Why it is public and who decided, e.g. 市委办公室对外公布的值班电话. */
    reason: text({ doc: "为什么可以公开:号码属于哪个单位、在哪里对外公布过", max: 200 }),
  },
  check: (row, report) => {
    if (!wholeValueOf(row.value)) {
      report(
        "value",
        `${quote(row.value)} 不是隐私检查会拦截的号码、邮箱或地址,列入清单没有作用`,
        `一个完整的${Object.values(PERSONAL_DATA_KINDS).join("、")};只写号码或地址本身`,
      );
    }
    if (row.reason.length < 4) {
      report("reason", "理由太短", "写明号码属于哪个单位、在哪里对外公布过");
    }
  },
});

/** The canonical values the allow list lets through. */
export interface PrivacyAllowlist {
  allows(hit: PersonalDataHit): boolean;
  readonly size: number;
  /** The values let through, in one canonical order: what a scan's outcome depends on. */
  readonly values: readonly string[];
}

export function allowlistOf(values: Iterable<string>): PrivacyAllowlist {
  const allowed = new Set<string>();
  for (const value of values) {
    const whole = wholeValueOf(value);
    if (whole) allowed.add(whole.value);
  }
  return {
    allows: (hit) => allowed.has(hit.value),
    size: allowed.size,
    values: [...allowed].sort(),
  };
}

export const EMPTY_ALLOWLIST: PrivacyAllowlist = allowlistOf([]);

/**
 * Reads the allow list through the one data path, reporting two spellings of one number.
 * The file is optional: without it nothing is let through.
 */
export function readPrivacyAllowlist(ctx: DataContext): PrivacyAllowlist {
  if (!existsSync(join(ctx.dataDir, privacyAllowlistTable.file))) return EMPTY_ALLOWLIST;
  const rows = ctx.read(privacyAllowlistTable);
  const firstLine = new Map<string, number>();
  for (const { line, row } of rows) {
    const whole = wholeValueOf(row.value);
    if (!whole) continue;
    const first = firstLine.get(whole.value);
    if (first !== undefined) {
      ctx.report({
        file: ctx.displayPath(privacyAllowlistTable.file),
        line,
        column: "value",
        problem: `与第 ${first} 行是同一个号码`,
        allowed: "每个号码只列一次",
      });
    } else {
      firstLine.set(whole.value, line);
    }
  }
  return allowlistOf(rows.map(({ row }) => row.value));
}
