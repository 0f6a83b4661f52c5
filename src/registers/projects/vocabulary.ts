import { defineStatuses, defineVocabulary } from "../vocabulary.ts";

/**
 * What a benchmark project's status words mean. Unlike an exposed problem, a project can
 * pause (暂缓) and resume, so the order below is not the whole rule: `checks.ts` says which
 * status may follow which, and the register pages print these descriptions.
 */
export const projectStatuses = defineStatuses([
  {
    value: "前期",
    slug: "preparing",
    tone: "todo",
    description: "项目已列入计划，正在做立项、可研、用地、设计、招标等开工前的工作，尚未开工。",
  },
  {
    value: "在建",
    slug: "under-construction",
    tone: "progress",
    description: "项目已经开工（记有实际开工日期），主体工程正在施工。",
  },
  {
    value: "建成",
    slug: "built",
    tone: "done",
    description: "主体工程已经完工并通过竣工验收（记有实际建成日期），尚未交付使用。",
  },
  {
    value: "投用",
    slug: "in-use",
    tone: "closed",
    description: "项目已交付并投入使用，群众可以用上（记有实际建成日期）。",
  },
  {
    value: "暂缓",
    slug: "paused",
    tone: "todo",
    description: "项目按决定暂停推进（须写明原因）；恢复后回到暂停前的阶段继续推进。",
  },
  {
    value: "终止",
    slug: "terminated",
    tone: "closed",
    description: "项目按决定不再实施（须写明原因）；已完成的投资照实保留，不再计入计划对比。",
  },
]);

export type ProjectStatus = (typeof projectStatuses.values)[number];

/**
 * The stages a project moves through in order; 暂缓 and 终止 are decisions about the
 * project, not stages of building it.
 */
export const PROJECT_STAGES: readonly ProjectStatus[] = ["前期", "在建", "建成", "投用"];

/** Statuses that need `status_reason`: a pause or an end is a decision readers are owed. */
export const STATUSES_WITH_REASON: ReadonlySet<ProjectStatus> = new Set(["暂缓", "终止"]);

/** Statuses whose building work is finished: physical progress is 100%. */
export const BUILT_STATUSES: ReadonlySet<ProjectStatus> = new Set(["建成", "投用"]);

/**
 * The ten areas of need the programme was organised by. The seed text names 交通, 文化 and
 * 卫生 among "10 个方面"; the rest follow the list and the usual areas of such plans.
 */
export const projectCategories = defineVocabulary([
  {
    value: "交通",
    slug: "transport",
    description: "道路、桥梁、公交、停车场、客运站等出行设施。",
  },
  {
    value: "水利",
    slug: "water",
    description: "供水、防洪、灌区、水库、河道治理等水利设施。",
  },
  {
    value: "产业",
    slug: "industry",
    description: "产业园区、农业基地、旅游景区等带动就业和增收的项目。",
  },
  {
    value: "城建",
    slug: "urban",
    description: "老旧小区改造、市政管网、农贸市场、公园绿地等城乡建设。",
  },
  {
    value: "教育",
    slug: "education",
    description: "幼儿园、中小学、职业学校的新建、改扩建和设施配套。",
  },
  {
    value: "医疗",
    slug: "health",
    description: "医院、乡镇卫生院、疾控和急救设施的新建、改扩建和设备配置。",
  },
  {
    value: "生态",
    slug: "ecology",
    description: "污水和垃圾处理、河湖治理、造林绿化、矿山修复等生态环境项目。",
  },
  {
    value: "文化",
    slug: "culture",
    description: "图书馆、文化馆、博物馆、综合文化站和文物保护利用。",
  },
  {
    value: "体育",
    slug: "sport",
    description: "体育场馆、全民健身中心、健身步道和社区运动场地。",
  },
  {
    value: "养老",
    slug: "elderly-care",
    description: "养老院、社区养老服务中心、特困人员供养机构和适老化改造。",
  },
]);

export type ProjectCategory = (typeof projectCategories.values)[number];

/** Kinds of dated event in a project's timeline. */
export const projectEventKinds = defineVocabulary([
  { value: "列入计划", slug: "listed", description: "项目列入对标补短项目计划。" },
  {
    value: "前期工作",
    slug: "preparation",
    description: "立项、可研、用地、环评、设计、招标等开工前工作的进展。",
  },
  { value: "开工", slug: "started", description: "项目实际开工。" },
  {
    value: "进度",
    slug: "progress",
    description: "责任单位报送的进度：累计完成投资和实物形象进度。",
  },
  { value: "完工验收", slug: "completed", description: "主体工程完工，通过竣工验收。" },
  { value: "投入使用", slug: "in-use", description: "项目交付，投入使用。" },
  { value: "暂缓", slug: "paused", description: "决定暂缓实施，写明原因。" },
  { value: "恢复", slug: "resumed", description: "暂缓的项目恢复推进。" },
  { value: "终止", slug: "terminated", description: "决定终止实施，写明原因。" },
  {
    value: "调整",
    slug: "adjusted",
    description: "总投资、建设内容或计划工期按程序调整。",
  },
  { value: "来源", slug: "source", description: "与本项目有关的其他公开报道或通报。" },
]);

export type ProjectEventKind = (typeof projectEventKinds.values)[number];
