import { defineStatuses, defineVocabulary } from "../vocabulary.ts";

/**
 * The mailbox's closed vocabularies: the words editors write in letters.csv, the ASCII
 * slugs used in URLs (public: never change a published slug), and what each word means.
 */

/** 待回复 → 已回复 → 已办结: the order a letter moves through. */
export const letterStatuses = defineStatuses([
  {
    value: "待回复",
    slug: "pending",
    tone: "todo",
    description: "信箱已收到来信,还没有书面答复。",
  },
  {
    value: "已回复",
    slug: "replied",
    tone: "progress",
    description: "已书面答复来信人;答复中承诺办理的事项可能还在办。",
  },
  {
    value: "已办结",
    slug: "closed",
    tone: "done",
    description: "已答复,答复中承诺的事项也已办完,信件归档。",
  },
]);
export type LetterStatus = (typeof letterStatuses.values)[number];

/** Whose mailbox: the city party secretary's, a county-level one's, or a township's. */
export const mailboxLevels = defineVocabulary([
  { value: "市", slug: "city", description: "市委书记信箱" },
  { value: "县", slug: "county", description: "区、县、县级市委书记信箱" },
  { value: "乡", slug: "township", description: "乡镇党委书记信箱" },
]);
export type MailboxLevel = (typeof mailboxLevels.values)[number];

/** The levels as groups of mailboxes, for headings and tables. */
export const MAILBOX_LEVEL_NAMES: Record<MailboxLevel, string> = {
  市: "市级信箱",
  县: "县级信箱",
  乡: "乡镇信箱",
};

/** What a letter is about. Closed, so that counts by topic add up. */
export const letterTopics = defineVocabulary([
  { value: "城建", slug: "urban", description: "市政设施、道路、路灯、施工、城市管理" },
  { value: "环保", slug: "environment", description: "废气、污水、噪声、扬尘、垃圾" },
  { value: "教育", slug: "education", description: "入学、学校、校外培训" },
  { value: "医疗", slug: "health", description: "医院、卫生院、医保" },
  { value: "社保", slug: "social-security", description: "养老、失业、低保、津贴" },
  { value: "交通", slug: "transport", description: "公交、道路交通、农村公路" },
  { value: "农业农村", slug: "rural", description: "农田水利、土地流转、农产品、人居环境" },
  { value: "政务服务", slug: "services", description: "办事窗口、网上办事、证明材料" },
  { value: "住房", slug: "housing", description: "公租房、交房、物业、危房改造" },
  { value: "其他", slug: "other", description: "不属于以上各类的来信" },
]);
export type LetterTopic = (typeof letterTopics.values)[number];

/** The writer's rating of the reply, where the mailbox asked for one. */
export const satisfactionLevels = defineVocabulary([
  { value: "满意", slug: "satisfied", description: "来信人对答复满意" },
  { value: "基本满意", slug: "mostly-satisfied", description: "来信人对答复基本满意" },
  { value: "不满意", slug: "dissatisfied", description: "来信人对答复不满意" },
]);
export type Satisfaction = (typeof satisfactionLevels.values)[number];
