import { registers } from "../registers/index.ts";
import { INDICATORS_SECTION } from "./sections.ts";

/** Main navigation. An entry with a `section` shows only on sites that publish that section. */
export interface NavEntry {
  href: string;
  label: string;
  section?: string;
}

/** The home page, each register (from the registry), the indicators, then the site's own pages. */
export const navigation: readonly NavEntry[] = [
  { href: "/", label: "首页" },
  ...registers.map(({ base, title, key }) => ({ href: base, label: title, section: key })),
  { href: "/indicators/", label: INDICATORS_SECTION.title, section: INDICATORS_SECTION.key },
  { href: "/data/", label: "开放数据" },
  { href: "/search/", label: "搜索" },
  { href: "/about/", label: "关于本站" },
];

/** The entries a site with these sections shows. */
export function navigationFor(sections: readonly string[]): NavEntry[] {
  return navigation.filter(
    (entry) => entry.section === undefined || sections.includes(entry.section),
  );
}
