import type { FigureDefinition } from "../../figures/registry.ts";
import type { RegisterFigureSource } from "../module.ts";
import type { ExposureRegister } from "./load.ts";

type Source = RegisterFigureSource<ExposureRegister>;
const register = ({ data }: Source): ExposureRegister => data;

/** Figures of the exposure register that prose may quote (definitions in derive.ts). */
export const exposureFigures: Readonly<Record<string, FigureDefinition<Source>>> = {
  count: {
    doc: "曝光的问题总数",
    compute: (dataset) => ({ type: "count", value: register(dataset).stats.total }),
  },
  onTimeRate: {
    doc: "按期整改率:已到整改期限的问题中,在期限内完成整改的比例",
    compute: (dataset) => ({ type: "rate", value: register(dataset).stats.overall.rate }),
  },
  dueCount: {
    doc: "已到整改期限、计入按期整改率的问题数",
    compute: (dataset) => ({ type: "count", value: register(dataset).stats.overall.due }),
  },
  overdueCount: {
    doc: "逾期未整改的问题数",
    compute: (dataset) => ({ type: "count", value: register(dataset).stats.overall.overdue }),
  },
  rectifiedCount: {
    doc: "已整改(含已销号)的问题数",
    compute: (dataset) => {
      const { byStatus } = register(dataset).stats;
      return { type: "count", value: byStatus["已整改"] + byStatus["已销号"] };
    },
  },
  firstExposedOn: {
    doc: "最早一个问题的曝光日期",
    compute: (dataset) => {
      const first = register(dataset).stats.firstExposedOn;
      return first === undefined ? { type: "text", value: "暂无" } : { type: "date", value: first };
    },
  },
};
