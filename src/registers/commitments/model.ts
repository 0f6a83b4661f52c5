import type { IsoDate } from "../../data/dates.ts";
import type { Region } from "../../data/regions.ts";
import type { CommitmentFacts } from "./derive.ts";
import type { CommitmentEvent } from "./timeline-rules.ts";
import type { CommitmentLevel, CommitmentList, CommitmentStatus } from "./vocabulary.ts";

export type { CommitmentEvent } from "./timeline-rules.ts";

/** One commitment, validated, with its timeline and deadline facts. */
export interface Commitment extends CommitmentFacts {
  id: string;
  /** The list's year: the year the stats group it under. */
  year: number;
  list: CommitmentList;
  level: CommitmentLevel;
  responsibleUnit: string;
  /** For 班子成员: the post (never a name). */
  post: string | undefined;
  county: Region;
  title: string;
  promise: string;
  listedOn: IsoDate;
  dueOn: IsoDate;
  adjustedDueOn: IsoDate | undefined;
  status: CommitmentStatus;
  adjustmentReason: string | undefined;
  completedOn: IsoDate | undefined;
  result: string | undefined;
  evidenceUrl: string | undefined;
  /** Events oldest first. */
  timeline: readonly CommitmentEvent[];
  /** Line in commitments.csv. */
  line: number;
}
