/**
 * "下载当前结果": the published CSV cut down to the items a filter matches, in the browser,
 * byte for byte the same as those rows of the full file (same header, quoting and line ends),
 * so a reader's subset and the full download never disagree. Records are split on line ends
 * outside quotes, since a quoted cell may hold a line break.
 */
export function csvRecords(text: string): string[] {
  const records: string[] = [];
  let start = 0;
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (char === '"') quoted = !quoted;
    else if (!quoted && char === "\n") {
      records.push(text.slice(start, i + 1));
      start = i + 1;
    }
  }
  if (start < text.length) records.push(text.slice(start));
  return records;
}

/** The first cells of a record up to `count`, unquoted. */
function leadingCells(record: string, count: number): string[] {
  const cells: string[] = [];
  let i = 0;
  while (cells.length < count && i <= record.length) {
    if (record[i] === '"') {
      let value = "";
      i++;
      while (i < record.length) {
        if (record[i] === '"' && record[i + 1] === '"') {
          value += '"';
          i += 2;
        } else if (record[i] === '"') {
          i++;
          break;
        } else {
          value += record[i];
          i++;
        }
      }
      cells.push(value);
      i++; // the comma
    } else {
      const end = record.slice(i).search(/[,\r\n]|$/);
      cells.push(record.slice(i, i + end));
      i += end + 1;
    }
  }
  return cells;
}

/** The header (with any byte-order mark) and exactly the records whose `idColumn` is in `ids`. */
export function subsetCsv(text: string, ids: ReadonlySet<string>, idColumn = "id"): string {
  const [header, ...records] = csvRecords(text);
  if (header === undefined) return text;
  const names = leadingCells(header.replace(/^\uFEFF/, ""), Number.MAX_SAFE_INTEGER);
  const position = names.indexOf(idColumn);
  if (position < 0) throw new Error(`CSV 没有 ${idColumn} 列`);
  const kept = records.filter((record) => {
    const id = leadingCells(record, position + 1)[position];
    return id !== undefined && ids.has(id);
  });
  return header + kept.join("");
}
