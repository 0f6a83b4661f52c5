import type { FigureDefinition } from "../../figures/registry.ts";
import type { RegisterFigureSource } from "../module.ts";
import type { LedgerData } from "./load.ts";

type Source = RegisterFigureSource<LedgerData>;

/** Figures of the 民情台账 that prose may quote (the solve rate's rule is in stats.ts). */
export const ledgerFigures: Readonly<Record<string, FigureDefinition<Source>>> = {
  registered: {
    doc: "各区县台账登记的问题总数（县级一行相加，不含乡镇明细）",
    compute: ({ data }) => ({ type: "count", value: data.stats.total.registered }),
  },
  solved: {
    doc: "其中已解决的问题数",
    compute: ({ data }) => ({ type: "count", value: data.stats.total.solved }),
  },
  solveRate: {
    doc: "解决率：已解决 ÷ 登记（县级一行相加）",
    compute: ({ data }) => ({ type: "rate", value: data.stats.total.solveRate }),
  },
  residentsVisited: {
    doc: "走访群众人次（统计了走访的行相加）",
    compute: ({ data }) => {
      const visited = data.stats.total.residentsVisited;
      // Not counted is not 0.
      return visited === undefined
        ? { type: "text", value: "未统计" }
        : { type: "count", value: visited };
    },
  },
};
