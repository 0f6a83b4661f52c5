import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { seededRandom } from "../bench/synthesize.ts";

/**
 * A synthetic register for measuring the search index at scale: `count` item pages shaped
 * like the real ones (title, county, unit, several paragraphs, a timeline table), with
 * deterministic text drawn from a fixed vocabulary. Nothing here is real data.
 */

const SUBJECTS = [
  "污水处理厂",
  "砂石加工点",
  "养殖场",
  "建筑工地",
  "餐饮店",
  "化工企业",
  "垃圾填埋场",
  "河道",
  "小区",
  "采石场",
  "水泥厂",
  "食品加工厂",
];
const PROBLEMS = [
  "超标排放",
  "黑臭水体",
  "扬尘污染",
  "夜间施工噪声扰民",
  "油烟直排",
  "未批先建",
  "固体废物随意堆放",
  "雨污混流",
  "异味扰民",
  "非法采砂",
  "河道垃圾",
  "臭气",
  "粉尘无组织排放",
];
const UNITS = [
  "生态环境局",
  "住房和城乡建设局",
  "水务局",
  "农业农村局",
  "城市管理局",
  "自然资源局",
  "综合行政执法局",
  "镇人民政府",
  "街道办事处",
];
const SENTENCES = [
  "群众反映该处长期存在问题，影响周边居民正常生活。",
  "经现场核查，反映情况基本属实，已责令立即整改。",
  "执法人员依法对相关单位立案调查，并处以罚款。",
  "责任单位制定整改方案，明确时限和责任人，定期报告进展。",
  "整改完成后，由主管部门组织验收并向社会公开结果。",
  "监测数据显示，化学需氧量和氨氮浓度已恢复达标。",
  "相关单位已安装在线监测设备，并与监管平台联网。",
  "街道和社区加强日常巡查，防止问题反弹。",
  "部分群众对整改效果仍有意见，将继续跟踪督办。",
  "涉及的企业已停产整治，待验收合格后方可恢复生产。",
  "主管部门约谈了企业负责人，要求落实主体责任。",
  "下一步将开展专项检查，举一反三排查同类问题。",
];

function pick<T>(next: () => number, list: readonly T[]): T {
  return list[Math.floor(next() * list.length)] as T;
}

function itemPage(
  n: number,
  next: () => number,
  counties: readonly string[],
): { path: string; html: string } {
  const county = pick(next, counties);
  const subject = pick(next, SUBJECTS);
  const problem = pick(next, PROBLEMS);
  const unit = county + pick(next, UNITS);
  const year = 2019 + Math.floor(next() * 6);
  const date = `${year}-${String(1 + Math.floor(next() * 12)).padStart(2, "0")}-${String(1 + Math.floor(next() * 28)).padStart(2, "0")}`;
  const status = pick(next, ["整改中", "已完成", "逾期未完成", "已办结"]);
  const register = n % 3 === 0 ? "书记信箱" : "环保曝光台";
  const paragraphs = Array.from({ length: 3 + Math.floor(next() * 4) }, () =>
    Array.from({ length: 2 + Math.floor(next() * 3) }, () => pick(next, SENTENCES)).join(""),
  );
  const rows = Array.from(
    { length: 2 + Math.floor(next() * 4) },
    (_, i) =>
      `<tr><td>${year}-0${1 + i}-1${i}</td><td>${pick(next, ["立案", "回复", "督办", "验收", "销号"])}</td><td>${unit}</td></tr>`,
  ).join("");
  const id = `HB-${year}-${String(n).padStart(6, "0")}`;
  const html = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${county}${subject}${problem}</title></head><body>
<header><nav><a href="/">首页</a></nav></header>
<main data-pagefind-body data-pagefind-filter="register:${register}" data-pagefind-sort="date:${date}">
<h1>${county}某${subject}${problem}</h1>
<dl><dt>编号</dt><dd>${id}</dd><dt>区县</dt><dd data-pagefind-filter="county">${county}</dd><dt>责任单位</dt><dd>${unit}</dd><dt>状态</dt><dd data-pagefind-filter="status">${status}</dd><dt>曝光日期</dt><dd><time datetime="${date}" data-pagefind-filter="year:${year}">${date}</time></dd></dl>
${paragraphs.map((p) => `<p>${p}</p>`).join("\n")}
<table><thead><tr><th>日期</th><th>事件</th><th>单位</th></tr></thead><tbody>${rows}</tbody></table>
</main><footer>截至 2025-06-30</footer></body></html>`;
  return { path: `exposures/${id}/index.html`, html };
}

/** Writes `count` synthetic item pages under `dir`, spread over the given counties. */
export async function writeSyntheticSite(
  dir: string,
  count: number,
  counties: readonly string[],
  seed = 1,
): Promise<void> {
  const next = seededRandom(seed);
  for (let n = 1; n <= count; n++) {
    const { path, html } = itemPage(n, next, counties);
    const file = join(dir, path);
    await mkdir(join(file, ".."), { recursive: true });
    await writeFile(file, html);
  }
}
