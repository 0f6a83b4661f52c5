import type { AccountabilityCounts } from "./model.ts";
import type { HearingProblemRow } from "./schema.ts";
import { ACCOUNTABILITY_COLUMNS, accountabilityKinds } from "./vocabulary.ts";
import type { AccountabilityKind } from "./vocabulary.ts";

/** People held accountable for one problem, by way, from its row. */
export function accountabilityOf(row: HearingProblemRow): AccountabilityCounts {
  return Object.fromEntries(
    accountabilityKinds.values.map((kind) => [kind, row[ACCOUNTABILITY_COLUMNS[kind]]]),
  ) as Record<AccountabilityKind, number>;
}

export function sumAccountability(
  counts: readonly AccountabilityCounts[],
): Record<AccountabilityKind, number> {
  const total = Object.fromEntries(accountabilityKinds.values.map((kind) => [kind, 0])) as Record<
    AccountabilityKind,
    number
  >;
  for (const count of counts)
    for (const kind of accountabilityKinds.values) total[kind] += count[kind];
  return total;
}

export function totalPeople(counts: AccountabilityCounts): number {
  return accountabilityKinds.values.reduce((sum, kind) => sum + counts[kind], 0);
}
