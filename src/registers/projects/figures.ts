import type { FigureDefinition } from "../../figures/registry.ts";
import type { RegisterFigureSource } from "../module.ts";
import { formatInvestment } from "./describe.ts";
import type { ProjectRegister } from "./load.ts";

type Source = RegisterFigureSource<ProjectRegister>;
const stats = ({ data }: Source) => data.stats;

/** Figures of the project register that prose may quote (definitions in model.ts). */
export const projectFigures: Readonly<Record<string, FigureDefinition<Source>>> = {
  count: {
    doc: "对标补短项目总数（含暂缓、终止的项目）",
    compute: (source) => ({ type: "count", value: stats(source).total }),
  },
  totalInvestment: {
    doc: "全部项目的总投资合计（含暂缓、终止的项目），以亿元或万元写出",
    compute: (source) => ({ type: "text", value: formatInvestment(stats(source).totalInvestment) }),
  },
  completedInvestment: {
    doc: "计划内项目（不含终止的）累计完成投资合计，取各项目最新报送的数",
    compute: (source) => ({
      type: "text",
      value: formatInvestment(stats(source).overall.completedToDate),
    }),
  },
  completionOfPlan: {
    doc: "投资完成率：计划内项目累计完成投资 ÷ 按直线计划截至数据日应完成的投资",
    compute: (source) => ({ type: "rate", value: stats(source).overall.completionOfPlan }),
  },
  behindCount: {
    doc: "实物形象进度低于直线计划的项目数（不含终止的）",
    compute: (source) => ({ type: "count", value: stats(source).overall.behind }),
  },
  overdueCount: {
    doc: "过了计划建成日期仍未建成的项目数（不含终止的）",
    compute: (source) => ({ type: "count", value: stats(source).overall.overdue }),
  },
  builtCount: {
    doc: "已建成或投用的项目数",
    compute: (source) => ({ type: "count", value: stats(source).overall.built }),
  },
  firstListedOn: {
    doc: "最早一个项目列入计划的日期",
    compute: (source) => {
      const first = stats(source).firstListedOn;
      return first === undefined ? { type: "text", value: "暂无" } : { type: "date", value: first };
    },
  },
};
