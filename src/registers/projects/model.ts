import type { IsoDate } from "../../data/dates.ts";
import type { Region } from "../../data/regions.ts";
import type { TimelineEvent } from "../timeline.ts";
import type { ProjectCategory, ProjectEventKind, ProjectStatus } from "./vocabulary.ts";

/** One update of a project: a timeline event with the figures a progress report carries. */
export interface ProjectEvent extends TimelineEvent<ProjectStatus, ProjectEventKind> {
  /** Cumulative investment completed as of `date`, 万元; undefined when not reported. */
  investmentToDate: number | undefined;
  /** Physical progress as of `date`, whole percent; undefined when not reported. */
  progress: number | undefined;
}

/**
 * A project's standing against its plan, as of the data's as-of date. Computed once when
 * the data is loaded; pages only print it. The definitions, which the stats page states:
 *
 * - **The plan is a straight line.** From the planned start day to the planned finish day
 *   (both included) the project is planned to advance evenly, day by day: on day k of N it
 *   should be k/N done, in physical progress and in investment alike. Before the planned
 *   start it should be 0% done, from the planned finish day on 100%. The plans give no
 *   yearly schedule, so this is the simplest plan the published dates imply, not the
 *   owner's own schedule.
 * - **Progress** is the latest physical progress reported on or before the as-of date. A
 *   project that reported none counts as 0%, except a 建成 or 投用 one, which counts as 100%.
 * - **Investment completed** is the latest cumulative figure reported; 0 when none was.
 * - **Behind schedule**: progress below the straight line at the as-of date, by any
 *   margin. A 终止 project is not judged (its plan no longer applies); a 暂缓 one is.
 * - **Overdue**: past the planned finish day and neither built nor terminated.
 */
export interface ScheduleFacts {
  /** Latest cumulative investment completed, 万元; 0 when none was reported. */
  investmentToDate: number;
  investmentReportedOn: IsoDate | undefined;
  /** Physical progress used for the schedule, whole percent (see above). */
  progress: number;
  /** Day of the progress figure; undefined when it is implied (none reported). */
  progressReportedOn: IsoDate | undefined;
  /** Where the straight line stands at the as-of date, percent (0–100, fractional). */
  plannedProgress: number;
  /** Investment the straight line reaches by the as-of date, 万元 (fractional). */
  plannedInvestmentToDate: number;
  /** Counted in plan-versus-completed figures: every project but a terminated one. */
  inPlan: boolean;
  behind: boolean;
  /** Percentage points below the line, when behind. */
  behindBy: number | undefined;
  overdue: boolean;
  /** As-of date − planned finish day, when overdue. */
  daysOverdue: number | undefined;
  /** Built after the planned finish day. */
  finishedLate: boolean;
  /** Actual − planned finish day, when finished late. */
  daysLate: number | undefined;
}

/** One 对标补短 project, validated, with its timeline and its standing against the plan. */
export interface Project extends ScheduleFacts {
  id: string;
  name: string;
  category: ProjectCategory;
  county: Region;
  responsibleUnit: string;
  shortfall: string;
  scope: string;
  /** 万元. */
  totalInvestment: number;
  listedOn: IsoDate;
  plannedStartOn: IsoDate;
  plannedFinishOn: IsoDate;
  /** Year of the planned finish: the year facet ("due to be built in"). */
  year: number;
  status: ProjectStatus;
  statusReason: string | undefined;
  startedOn: IsoDate | undefined;
  completedOn: IsoDate | undefined;
  overrunReason: string | undefined;
  /** Updates oldest first. */
  timeline: readonly ProjectEvent[];
  /** Line in projects.csv. */
  line: number;
}
