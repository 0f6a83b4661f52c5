import { formatIssue } from "../data/issues.ts";
import type { EventChange, FieldChange } from "../history/project.ts";
import type { DataDiff, RegisterDiff } from "./diff.ts";

/**
 * `npm run diff` as text for the terminal and as Markdown for a pull-request comment. Both
 * put validation problems first: data that does not pass will not be published at all.
 */

const MAX = 80;

/** A value on one line, shortened: a 2,000-character problem text would bury the rest. */
function brief(value: string): string {
  if (value === "") return "（空）";
  const line = value.replace(/\s*\n\s*/g, " / ");
  return [...line].length > MAX ? `${[...line].slice(0, MAX).join("")}…` : line;
}

function fieldLine(field: FieldChange): string {
  return `${field.label}：${brief(field.before)} → ${brief(field.after)}`;
}

function eventLine(event: EventChange): string {
  const what = `${event.date} ${event.kind}`;
  if (event.change === "added")
    return `时间线新增：${what}${event.status ? `（${event.status}）` : ""}`;
  if (event.change === "removed") return `时间线删除：${what}`;
  return `时间线修改：${what} ${event.fields.map(fieldLine).join("；")}`;
}

function counts(register: RegisterDiff): string {
  return `新增 ${register.added.length} 条，删除 ${register.removed.length} 条，修改 ${register.changed.length} 条`;
}

export function renderDiffText(diff: DataDiff): string {
  const out: string[] = [];
  const { issues, notices } = diff.validation;
  if (issues.length > 0) {
    out.push(`数据检查发现 ${issues.length} 个问题（不改好不能发布）：`);
    for (const issue of issues) out.push(`  ${formatIssue(issue)}`);
  } else {
    out.push("数据检查：通过。");
  }
  for (const notice of notices) out.push(notice);
  out.push("", `${diff.targetLabel}与 ${diff.baseLabel}相比：`);
  for (const file of diff.unreadable) out.push(`  无法读取：${file}`);
  if (diff.registers.length === 0) out.push("  各台账的记录没有变化。");
  for (const register of diff.registers) {
    out.push("", `【${register.title}】${counts(register)}`);
    for (const t of register.transitions) out.push(`  状态变化：${t.from} → ${t.to} ${t.count} 条`);
    if (register.added.length > 0) out.push("  新增：");
    for (const item of register.added) out.push(`    ${item.id} ${item.title}`);
    if (register.removed.length > 0) out.push("  删除：");
    for (const item of register.removed) out.push(`    ${item.id} ${item.title}`);
    if (register.changed.length > 0) out.push("  修改：");
    for (const item of register.changed) {
      out.push(`    ${item.id} ${item.title}`);
      for (const field of item.fields) out.push(`      ${fieldLine(field)}`);
      for (const event of item.events) out.push(`      ${eventLine(event)}`);
    }
  }
  if (diff.figures.length > 0) {
    out.push("", "【主要数字的变化】");
    for (const figure of diff.figures)
      out.push(`  ${figure.label}：${figure.before} → ${figure.after}`);
  } else if (diff.baseProblems > 0 || !diff.validation.dataset) {
    out.push("", "【主要数字】有一方的数据没有通过检查，无法比较。");
  }
  return out.join("\n");
}

/** Escapes what Markdown would read as formatting, and keeps a value on its line. */
function md(value: string): string {
  return brief(value).replace(/[\\`*_[\]<>|#~]/g, (char) => `\\${char}`);
}

export function renderDiffMarkdown(diff: DataDiff): string {
  const out: string[] = [];
  const { issues, notices } = diff.validation;
  out.push("### 数据检查", "");
  if (issues.length > 0) {
    out.push(`**发现 ${issues.length} 个问题**（不改好不能发布）：`, "");
    for (const issue of issues) out.push(`- \`${formatIssue(issue).replace(/`/g, "'")}\``);
  } else {
    out.push("通过。");
  }
  for (const notice of notices) out.push("", `> ${md(notice)}`);
  out.push("", `### ${md(diff.targetLabel)}与 ${md(diff.baseLabel)}相比`, "");
  for (const file of diff.unreadable) out.push(`- 无法读取：${md(file)}`);
  if (diff.registers.length === 0) out.push("各台账的记录没有变化。");
  for (const register of diff.registers) {
    out.push("", `#### ${md(register.title)}：${counts(register)}`, "");
    for (const t of register.transitions) {
      out.push(`- 状态变化：${md(t.from)} → ${md(t.to)} ${t.count} 条`);
    }
    for (const item of register.added) out.push(`- 新增 \`${item.id}\` ${md(item.title)}`);
    for (const item of register.removed) out.push(`- 删除 \`${item.id}\` ${md(item.title)}`);
    for (const item of register.changed) {
      out.push(`- 修改 \`${item.id}\` ${md(item.title)}`);
      for (const field of item.fields) {
        out.push(`  - ${md(field.label)}：${md(field.before)} → ${md(field.after)}`);
      }
      for (const event of item.events) out.push(`  - ${md(eventLine(event))}`);
    }
  }
  if (diff.figures.length > 0) {
    out.push("", "#### 主要数字的变化", "", "| 数字 | 原来 | 现在 |", "| --- | ---: | ---: |");
    for (const figure of diff.figures) {
      out.push(`| ${md(figure.label)} | ${md(figure.before)} | ${md(figure.after)} |`);
    }
  }
  return out.join("\n");
}
