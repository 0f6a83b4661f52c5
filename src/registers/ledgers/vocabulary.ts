import { defineStatuses, defineVocabulary } from "../vocabulary.ts";

/**
 * The ledgers (台账) kept per village and township. These three are the ones the province
 * asked every village to keep (民生诉求、困难群众、稳定工作, the 三本台账); each records
 * problems residents raised and whether they were solved. Ledgers that describe a place
 * rather than count problems (a county's own 村情、民情、党情 books) are not counted here.
 */
export const ledgerKinds = defineVocabulary([
  {
    value: "民生诉求",
    slug: "livelihood",
    description: "群众提出的上学、看病、饮水、行路、用电等生产生活诉求。",
  },
  {
    value: "困难群众",
    slug: "hardship",
    description: "困难家庭、空巢老人、留守儿童、残疾人等需要帮扶的具体困难。",
  },
  {
    value: "稳定工作",
    slug: "stability",
    description: "邻里、土地、征地拆迁等矛盾纠纷和信访事项。",
  },
]);

export type LedgerKind = (typeof ledgerKinds.values)[number];

/**
 * Whether a county's figures for a period are in: the one thing that changes about a
 * county-period report. A report missing for a period inside the file's range is 未报送, and
 * the city's total for that period is then short of that county.
 */
export const reportStatuses = defineStatuses([
  {
    value: "未报送",
    slug: "missing",
    tone: "todo",
    description: "这一时期没有这个区县的台账汇总，全市合计不含它。",
  },
  {
    value: "已报送",
    slug: "reported",
    tone: "done",
    description: "这一时期这个区县报送了台账汇总（至少一类台账）。",
  },
]);

export type ReportStatus = (typeof reportStatuses.values)[number];
