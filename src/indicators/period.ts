// Periods are part of the generic data path (any register may report by period); indicators
// were their first user and keep importing them from here.
export * from "../data/periods.ts";
