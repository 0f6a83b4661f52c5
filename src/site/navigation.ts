import type { Section } from "../data/site-config.ts";

/** Main navigation. An entry with a `section` shows only on sites that publish that section. */
export interface NavEntry {
  href: string;
  label: string;
  section?: Section;
}

export const navigation: readonly NavEntry[] = [
  { href: "/", label: "首页" },
  { href: "/exposures/", label: "环保曝光台", section: "exposures" },
  { href: "/mailbox/", label: "书记信箱", section: "mailbox" },
  { href: "/indicators/", label: "公开指标", section: "indicators" },
  { href: "/data/", label: "开放数据" },
  { href: "/search/", label: "搜索" },
  { href: "/about/", label: "关于本站" },
];

/** The entries a site with these sections shows. */
export function navigationFor(sections: readonly Section[]): NavEntry[] {
  return navigation.filter(
    (entry) => entry.section === undefined || sections.includes(entry.section),
  );
}
