// HXL hashtags (https://hxlstandard.org): a row of tags under the header or
// in place of it; a tag's attributes are unordered and case-insensitive.
export interface Tag {
  hashtag: string;
  attributes: string[];
}

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

/** The hashtag row: the first of the first 25 rows whose non-empty cells are all tags. */
export function findHashtagRow(rows: string[][]): number {
  return rows.slice(0, 25).findIndex((row) => {
    const filled = row.filter((c) => c !== "");
    return filled.length > 0 && filled.every((c) => parseTag(c) !== null);
  });
}
