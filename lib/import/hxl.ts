// HXL hashtags (https://hxlstandard.org): a row of tags under the header or
// in place of it; a tag's attributes are unordered and case-insensitive.
import type { Table } from "./read-table";

export interface Tag {
  hashtag: string;
  /** Lowercase, sorted, without duplicates. */
  attributes: string[];
}

export interface Column {
  index: number;
  /** The human header; the tag's text when the file has tags only. */
  header: string;
  tag: Tag | null;
  /** The text of the hashtag row's cell when it is not a valid tag (a malformed tag: the column is untagged). */
  invalidTag?: string;
}

export interface TableLayout {
  columns: Column[];
  /** Index in table.rows of the human header row; null when the tags are the header. */
  headerRowIndex: number | null;
  /** Index in table.rows of the hashtag row; null in a plain file. */
  hashtagRowIndex: number | null;
  /** Index in table.rows of the first data row. */
  dataStartIndex: number;
}

/** "#Affected +IND+idps" → { hashtag: "affected", attributes: ["idps", "ind"] }; null if not a tag. */
export function parseTag(text: string): Tag | null {
  const compact = text.replace(/\s+/g, "").toLowerCase();
  const match = /^#([a-z][a-z0-9_]*)((\+[a-z][a-z0-9_]*)*)$/.exec(compact);
  if (!match) return null;
  const attributes = [...new Set((match[2] ?? "").split("+").filter(Boolean))].sort();
  return { hashtag: match[1] as string, attributes };
}

export function tagText(tag: Tag): string {
  return `#${tag.hashtag}${tag.attributes.map((a) => `+${a}`).join("")}`;
}

export function sameTag(a: Tag, b: Tag): boolean {
  return tagText(a) === tagText(b);
}

/**
 * The hashtag row: the first of the first 25 rows where valid tags are more
 * than half of the filled cells (libhxl's rule: one malformed tag such as
 * #affected+idps+2021 does not make a tagged file untagged; that column is).
 */
export function findHashtagRow(rows: string[][]): number {
  return rows.slice(0, 25).findIndex((row) => {
    const filled = row.filter((c) => c !== "");
    const tags = filled.filter((c) => parseTag(c) !== null).length;
    return tags > 0 && tags * 2 > filled.length;
  });
}

/**
 * Where the header and the data are. With a hashtag row, the row just above
 * it is the human header (titles further up are ignored); a plain file's
 * header is its first non-empty row (empty rows are already gone).
 */
export function describeColumns(table: Table): TableLayout {
  const found = findHashtagRow(table.rows);
  const hashtagRowIndex = found >= 0 ? found : null;
  const headerRowIndex = hashtagRowIndex === null ? 0 : hashtagRowIndex > 0 ? hashtagRowIndex - 1 : null;
  const dataStartIndex = (hashtagRowIndex ?? headerRowIndex ?? 0) + 1;
  const head = [headerRowIndex, hashtagRowIndex, dataStartIndex].map((i) => (i === null ? [] : (table.rows[i] ?? [])));
  const width = Math.max(0, ...head.map((r) => r.length));
  const columns = Array.from({ length: width }, (_, index) => {
    const tagCell = hashtagRowIndex === null ? "" : (table.rows[hashtagRowIndex]?.[index] ?? "");
    const tag = parseTag(tagCell);
    const header = (headerRowIndex === null ? "" : table.rows[headerRowIndex]?.[index]) || (tag ? tagText(tag) : tagCell);
    return tagCell && !tag ? { index, header, tag, invalidTag: tagCell } : { index, header, tag };
  });
  return { columns, headerRowIndex, hashtagRowIndex, dataStartIndex };
}
