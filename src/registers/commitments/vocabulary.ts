import { defineStatuses, defineVocabulary } from "../vocabulary.ts";

/**
 * What a commitment's status words mean. A commitment moves through the first four in this
 * order and never back; 已调整 is the one exception: it may follow any status, and after it
 * the commitment may take any status again (an adjusted commitment is re-planned, so its
 * progress starts over). The pages print these descriptions so each word claims exactly this.
 */
export const commitmentStatuses = defineStatuses([
  {
    value: "未启动",
    slug: "not-started",
    tone: "todo",
    description: "事项已列入清单，责任单位还没有开始办理。",
  },
  {
    value: "推进中",
    slug: "in-progress",
    tone: "progress",
    description: "责任单位已经着手办理，但还没有办完。",
  },
  {
    value: "未按期完成",
    slug: "not-done-on-time",
    tone: "todo",
    description: "承诺的完成日期已过，事项还没有办完；责任单位已报告未按期完成，仍在办理。",
  },
  {
    value: "已完成",
    slug: "done",
    tone: "done",
    description: "责任单位报告事项已经办完（记有完成日期和办理结果）。",
  },
  {
    value: "已调整",
    slug: "adjusted",
    tone: "closed",
    description:
      "事项的内容、完成日期或责任单位经批准调整，或并入其他事项、不再单独办理；调整原因写在事项页上。",
  },
]);

export type CommitmentStatus = (typeof commitmentStatuses.values)[number];

/** The status that may follow any status, and after which any status may follow. */
export const ADJUSTED: CommitmentStatus = "已调整";
/** The status that means the commitment was kept: `completed_on` and `result` are required. */
export const DONE: CommitmentStatus = "已完成";
/** The status that claims the promised date has passed, so it needs a past due date. */
export const NOT_DONE_ON_TIME: CommitmentStatus = "未按期完成";

/**
 * The two kinds of list of the 我为群众办实事 practice: plans made by leadership teams and
 * grassroots party organisations, and lists of things to do made by individuals.
 */
export const commitmentLists = defineVocabulary([
  {
    value: "民生实事计划",
    slug: "plans",
    description: "单位领导班子或基层党组织制定的民生实事计划，一般是投入较大、涉及面较广的实事。",
  },
  {
    value: "为民办事清单",
    slug: "lists",
    description: "领导班子成员或党员个人列出的为民办事清单，一般是具体的一件事、一处问题。",
  },
]);

export type CommitmentList = (typeof commitmentLists.values)[number];

/** Whose commitment it is: the four levels at which lists are made. */
export const commitmentLevels = defineVocabulary([
  {
    value: "领导班子",
    slug: "leadership",
    description: "一个单位的领导班子集体作出的承诺。",
  },
  {
    value: "班子成员",
    slug: "leader",
    description: "领导班子成员个人作出的承诺；只写职务，不写姓名。",
  },
  {
    value: "基层党组织",
    slug: "branch",
    description: "村（社区）、机关、企事业单位的基层党组织作出的承诺。",
  },
  {
    value: "党员",
    slug: "member",
    description: "党员个人作出的承诺；只写所在党组织，不写姓名和职务。",
  },
]);

export type CommitmentLevel = (typeof commitmentLevels.values)[number];

/** The level whose commitments name the maker's post (and only the post). */
export const POST_LEVEL: CommitmentLevel = "班子成员";

/** Kinds of timeline event for a commitment. */
export const commitmentEventKinds = defineVocabulary([
  { value: "列入", slug: "listed", description: "事项列入清单并公布。" },
  {
    value: "进展",
    slug: "progress",
    description: "责任单位按周报、半月报或月报报告的办理进展。",
  },
  {
    value: "调整",
    slug: "adjusted",
    description: "事项经批准调整（内容、日期、责任单位），或并入其他事项；说明里写明原因。",
  },
  { value: "完成", slug: "done", description: "责任单位报告事项办完。" },
  { value: "督查", slug: "inspection", description: "督查、回访或群众评议的结果。" },
  { value: "来源", slug: "source", description: "与本事项有关的其他公开报道或通报。" },
]);

export type CommitmentEventKind = (typeof commitmentEventKinds.values)[number];

/** The event kind that, alone, sets the status 已调整 (so the reason is always written down). */
export const ADJUSTMENT_KIND: CommitmentEventKind = "调整";
