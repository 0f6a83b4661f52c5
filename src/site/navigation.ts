/** Main navigation. A register adds its entry here when its pages exist. */
export interface NavEntry {
  href: string;
  label: string;
}

export const navigation: readonly NavEntry[] = [
  { href: "/", label: "首页" },
  { href: "/search/", label: "搜索" },
  { href: "/about/", label: "关于本站" },
];
