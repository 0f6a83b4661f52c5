import { defineStatuses, defineVocabulary } from "../vocabulary.ts";

/**
 * What an exposed problem's status words mean. A problem moves through them in this order
 * and never back (the timeline check enforces it); the register pages print these
 * descriptions so readers know exactly what each word claims.
 */
export const exposureStatuses = defineStatuses([
  {
    value: "未整改",
    slug: "pending",
    tone: "todo",
    description: "问题已经曝光，责任单位还没有开始整改。",
  },
  {
    value: "整改中",
    slug: "in-progress",
    tone: "progress",
    description: "责任单位已经着手整改，但还没有完成。",
  },
  {
    value: "已整改",
    slug: "rectified",
    tone: "done",
    description: "责任单位报告整改已经完成（记有完成日期），尚待主管部门核查销号。",
  },
  {
    value: "已销号",
    slug: "closed",
    tone: "closed",
    description: "主管部门到现场核查，确认整改到位，问题销号（记有销号日期）。",
  },
]);

export type ExposureStatus = (typeof exposureStatuses.values)[number];

/** Statuses that mean the work is done, so `rectified_on` must be filled. */
export const RECTIFIED_STATUSES: ReadonlySet<ExposureStatus> = new Set(["已整改", "已销号"]);

/** Kinds of environmental problem, as the programme groups them. */
export const exposureCategories = defineVocabulary([
  {
    value: "水",
    slug: "water",
    description: "污水直排、黑臭水体、入河排污口、饮用水水源地等水环境问题。",
  },
  { value: "大气", slug: "air", description: "扬尘、工业废气、露天焚烧、餐饮油烟等大气污染问题。" },
  { value: "土壤", slug: "soil", description: "土壤污染、尾矿和废渣渗漏、农用地污染等问题。" },
  { value: "噪声", slug: "noise", description: "工地夜间施工、工业设备、社会生活噪声扰民。" },
  {
    value: "固体废物",
    slug: "solid-waste",
    description: "生活垃圾、建筑垃圾、工业固废和危险废物的违规堆放与倾倒。",
  },
  {
    value: "生态",
    slug: "ecology",
    description: "非法采砂、毁林开垦、侵占河道、自然保护地内违规建设等生态破坏。",
  },
  { value: "其他", slug: "other", description: "不属于以上各类的生态环境问题。" },
]);

export type ExposureCategory = (typeof exposureCategories.values)[number];

/** Kinds of timeline event for an exposed problem. */
export const exposureEventKinds = defineVocabulary([
  { value: "曝光", slug: "exposed", description: "节目或报刊播发、刊登这一问题。" },
  { value: "交办", slug: "assigned", description: "主管部门把问题交给责任单位，明确整改期限。" },
  { value: "进展", slug: "progress", description: "责任单位或主管部门通报的整改进展。" },
  { value: "回音壁", slug: "follow-up", description: "节目回访已曝光的问题，报道整改情况。" },
  { value: "验收", slug: "inspection", description: "主管部门现场核查整改结果。" },
  { value: "来源", slug: "source", description: "与本问题有关的其他公开报道或通报。" },
]);

export type ExposureEventKind = (typeof exposureEventKinds.values)[number];
