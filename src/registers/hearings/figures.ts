import type { FigureDefinition } from "../../figures/registry.ts";
import type { RegisterFigureSource } from "../module.ts";
import type { HearingRegister } from "./load.ts";

type Source = RegisterFigureSource<HearingRegister>;

/** Figures of 阳光问廉 that prose may quote (definitions in load.ts and stats.ts). */
export const hearingFigures: Readonly<Record<string, FigureDefinition<Source>>> = {
  hearingCount: {
    doc: "已播出的节目期数",
    compute: ({ data }) => ({ type: "count", value: data.stats.hearingCount }),
  },
  problemCount: {
    doc: "节目曝光的问题总数",
    compute: ({ data }) => ({ type: "count", value: data.stats.problemCount }),
  },
  accountableCount: {
    doc: "因节目曝光的问题被问责的总人数（各种问责方式合计）",
    compute: ({ data }) => ({ type: "count", value: data.stats.accountability.total }),
  },
  onTimeRate: {
    doc: "按时整改率：已到承诺整改期限的问题中，在期限内完成整改的比例",
    compute: ({ data }) => ({ type: "rate", value: data.stats.overall.rate }),
  },
  overdueCount: {
    doc: "逾期未整改的问题数",
    compute: ({ data }) => ({ type: "count", value: data.stats.overall.overdue }),
  },
  rectifiedCount: {
    doc: "已整改（含已销号）的问题数",
    compute: ({ data }) => ({
      type: "count",
      value: data.stats.byStatus["已整改"] + data.stats.byStatus["已销号"],
    }),
  },
  latestAiredOn: {
    doc: "最近一期节目的直播日期",
    compute: ({ data }) => {
      const last = data.stats.lastAiredOn;
      return last === undefined ? { type: "text", value: "暂无" } : { type: "date", value: last };
    },
  },
};
