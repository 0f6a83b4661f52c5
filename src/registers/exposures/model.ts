import type { IsoDate } from "../../data/dates.ts";
import type { Region } from "../../data/regions.ts";
import type { TimelineEvent } from "../timeline.ts";
import type { Timeliness } from "../timeliness.ts";
import type { DeadlineFacts } from "./derive.ts";
import type { ExposureCategory, ExposureEventKind, ExposureStatus } from "./vocabulary.ts";

export type ExposureEvent = TimelineEvent<ExposureStatus, ExposureEventKind>;

/** One exposed problem, validated, with its timeline and deadline facts. */
export interface Exposure extends DeadlineFacts {
  id: string;
  title: string;
  exposedOn: IsoDate;
  /** Year of exposure, the year the stats group it under. */
  year: number;
  media: string;
  mediaUrl: string | undefined;
  county: Region;
  location: string;
  category: ExposureCategory;
  problem: string;
  responsibleUnit: string;
  deadline: IsoDate | undefined;
  status: ExposureStatus;
  rectifiedOn: IsoDate | undefined;
  closedOn: IsoDate | undefined;
  measures: string | undefined;
  /** 按期情况: against the rectification deadline, with signed days. */
  timeliness: Timeliness;
  /** Events oldest first. */
  timeline: readonly ExposureEvent[];
  /** Line in exposures.csv. */
  line: number;
}
