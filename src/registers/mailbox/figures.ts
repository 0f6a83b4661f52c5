import { yearOf } from "../../data/dates.ts";
import type { FigureDefinition } from "../../figures/registry.ts";
import type { RegisterFigureSource } from "../module.ts";
import type { Mailbox } from "./load.ts";
import type { LetterStatistics } from "./statistics.ts";

type Source = RegisterFigureSource<Mailbox>;
const statistics = ({ data }: Source): LetterStatistics => data.statistics;

/** Figures of the mailbox that prose may quote (definitions in statistics.ts and timing.ts). */
export const mailboxFigures: Readonly<Record<string, FigureDefinition<Source>>> = {
  receivedCount: {
    doc: "书记信箱受理的来信总数",
    compute: (dataset) => ({ type: "count", value: statistics(dataset).total.received }),
  },
  receivedThisYear: {
    doc: "数据截至日期所在年份受理的来信数",
    compute: (dataset) => {
      const year = String(yearOf(dataset.env.site.asOf));
      const group = statistics(dataset).byYear.find((row) => row.label === year);
      return { type: "count", value: group?.received ?? 0 };
    },
  },
  repliedCount: {
    doc: "已答复(含已办结)的来信数",
    compute: (dataset) => ({ type: "count", value: statistics(dataset).total.replied }),
  },
  repliedWithinPromiseRate: {
    doc: "按时答复率:已答复的来信中,在承诺的工作日时限内答复的比例",
    compute: (dataset) => {
      const { replied, repliedWithinPromise } = statistics(dataset).total;
      return { type: "rate", value: replied === 0 ? undefined : repliedWithinPromise / replied };
    },
  },
  overdueCount: {
    doc: "截至数据日期已过答复期限仍未答复的来信数",
    compute: (dataset) => ({ type: "count", value: statistics(dataset).total.overdue }),
  },
  handledByPrincipalCount: {
    doc: "由书记亲自阅处的来信数",
    compute: (dataset) => ({
      type: "count",
      value: statistics(dataset).total.handledByPrincipal,
    }),
  },
  instructionCount: {
    doc: "书记作出批示的来信数",
    compute: (dataset) => ({ type: "count", value: statistics(dataset).total.withInstruction }),
  },
  publishedCount: {
    doc: "来信人同意公开全文的来信数",
    compute: (dataset) => ({ type: "count", value: statistics(dataset).total.published }),
  },
};
