import { defineStatuses, defineVocabulary } from "../vocabulary.ts";

/**
 * What a problem raised on 阳光问廉 stands at. The words match the other rectification
 * registers so a reader learns them once; the descriptions say what they claim here. A
 * problem moves through them in this order and never back (the timeline check enforces it).
 */
export const hearingProblemStatuses = defineStatuses([
  {
    value: "未整改",
    slug: "pending",
    tone: "todo",
    description: "问题已在节目中曝光，被质询单位还没有开始整改。",
  },
  {
    value: "整改中",
    slug: "in-progress",
    tone: "progress",
    description: "被质询单位已经着手兑现现场承诺，整改尚未完成。",
  },
  {
    value: "已整改",
    slug: "rectified",
    tone: "done",
    description: "被质询单位报告整改已经完成（记有完成日期），尚待纪检监察机关或主管部门核查销号。",
  },
  {
    value: "已销号",
    slug: "closed",
    tone: "closed",
    description: "经回访核查确认整改到位，问题销号（记有销号日期）。",
  },
]);

export type HearingProblemStatus = (typeof hearingProblemStatuses.values)[number];

/** Statuses that mean the work is done, so `rectified_on` must be filled. */
export const RECTIFIED_HEARING_STATUSES: ReadonlySet<HearingProblemStatus> = new Set([
  "已整改",
  "已销号",
]);

/**
 * Ways people were held accountable (问责) for a problem. Only the number of people per
 * way is recorded, never who: the register publishes how a matter was answered for, not
 * a list of names. Each way is one column of hearing-problems.csv (`column`).
 */
export const accountabilityKinds = defineVocabulary([
  {
    value: "诫勉谈话",
    slug: "admonition",
    description: "由党组织或监察机关对有关人员进行诫勉，属于问责中较轻的方式。",
  },
  {
    value: "党纪处分",
    slug: "party-discipline",
    description: "依照《中国共产党纪律处分条例》给予的警告、严重警告、撤销党内职务等处分。",
  },
  {
    value: "政务处分",
    slug: "government-discipline",
    description:
      "依照《中华人民共和国公职人员政务处分法》给予公职人员的警告、记过、记大过、降级、撤职、开除。",
  },
  {
    value: "组织处理",
    slug: "organisational",
    description: "停职检查、调整职务、责令辞职、免职、降职等组织措施。",
  },
  {
    value: "其他问责",
    slug: "other",
    description: "通报批评、责令书面检查等以上各类以外的问责方式。",
  },
]);

export type AccountabilityKind = (typeof accountabilityKinds.values)[number];

/** The column of hearing-problems.csv holding each kind's count of people. */
export const ACCOUNTABILITY_COLUMNS = {
  诫勉谈话: "accountable_admonition",
  党纪处分: "accountable_party_discipline",
  政务处分: "accountable_government_discipline",
  组织处理: "accountable_organisational",
  其他问责: "accountable_other",
} as const satisfies Record<AccountabilityKind, string>;

/** Kinds of timeline event for a problem raised on the programme. */
export const hearingEventKinds = defineVocabulary([
  {
    value: "质询",
    slug: "questioned",
    description: "节目直播中曝光问题、现场质询被质询单位，单位负责人作出承诺。",
  },
  {
    value: "交办",
    slug: "assigned",
    description: "纪检监察机关把问题交给责任单位，明确整改期限。",
  },
  { value: "进展", slug: "progress", description: "责任单位或督办部门通报的整改进展。" },
  {
    value: "问责",
    slug: "accountability",
    description: "公布对有关人员的问责结果（只记人数和方式，不记姓名）。",
  },
  { value: "回访", slug: "follow-up", description: "节目或督办部门回访问题现场，报道整改情况。" },
  { value: "验收", slug: "inspection", description: "督办部门现场核查整改结果。" },
  { value: "来源", slug: "source", description: "与本问题有关的其他公开报道或通报。" },
]);

export type HearingEventKind = (typeof hearingEventKinds.values)[number];
