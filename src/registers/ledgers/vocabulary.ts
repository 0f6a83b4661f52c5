import { defineVocabulary } from "../vocabulary.ts";

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
