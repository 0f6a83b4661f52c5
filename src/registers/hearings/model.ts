import type { IsoDate } from "../../data/dates.ts";
import type { Region } from "../../data/regions.ts";
import type { TimelineEvent } from "../timeline.ts";
import type { Timeliness } from "../timeliness.ts";
import type { DeadlineFacts } from "../exposures/derive.ts";
import type { AccountabilityKind, HearingEventKind, HearingProblemStatus } from "./vocabulary.ts";

export type HearingEvent = TimelineEvent<HearingProblemStatus, HearingEventKind>;

/** People held accountable, by way: counts only. */
export type AccountabilityCounts = Readonly<Record<AccountabilityKind, number>>;

/** One episode, with its problems. */
export interface Hearing {
  id: string;
  number: number;
  airedOn: IsoDate;
  year: number;
  broadcaster: string;
  theme: string;
  /** Units questioned, as listed (split at 、). */
  unitsQuestioned: readonly string[];
  videoUrl: string | undefined;
  summary: string | undefined;
  /** Its problems, in id order. */
  problems: readonly HearingProblem[];
  /** Sum over its problems. */
  accountability: AccountabilityCounts;
  accountableTotal: number;
  line: number;
}

/**
 * One problem raised on an episode, with its timeline and deadline facts. Deadline facts
 * follow the exposure register's definitions (src/registers/exposures/derive.ts), counted
 * from the air date: on time means rectified on or before the promised deadline.
 */
export interface HearingProblem extends DeadlineFacts {
  id: string;
  hearingId: string;
  hearingNumber: number;
  /** The episode's air date: when the problem entered the register. */
  airedOn: IsoDate;
  /** Year of the broadcast, the year the rectification stats group it under. */
  year: number;
  title: string;
  county: Region;
  unitQuestioned: string;
  exposed: string;
  commitment: string;
  deadline: IsoDate | undefined;
  status: HearingProblemStatus;
  rectifiedOn: IsoDate | undefined;
  closedOn: IsoDate | undefined;
  measures: string | undefined;
  accountability: AccountabilityCounts;
  accountableTotal: number;
  accountabilityAnnouncedOn: IsoDate | undefined;
  /** 按期情况: against the deadline promised on air, with signed days. */
  timeliness: Timeliness;
  /** Events oldest first. */
  timeline: readonly HearingEvent[];
  line: number;
}
