import type { SectionName } from "../data/site-config.ts";
import { registers } from "../registers/index.ts";

/** The indicators section: published figures and the 十零 targets (src/indicators/). */
export const INDICATORS_SECTION: SectionName = { key: "indicators", title: "公开指标" };

/** Every section a city can turn on in `site.json` `sections`: the registers, then indicators. */
export const knownSections: readonly SectionName[] = [
  ...registers.map(({ key, title }) => ({ key, title })),
  INDICATORS_SECTION,
];
