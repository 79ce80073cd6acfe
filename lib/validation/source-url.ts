// The one rule for a source's web address, on every path that writes one (the
// figure form and API through figure-input.ts, an import's source fields and
// its URL column) and every place that links one (pages, the PDF): http(s)
// only. Other schemes run code or read local data when clicked (javascript:,
// data:, vbscript:, file:), in a page as in a PDF's link annotations.

export const SOURCE_URL_MAX_LENGTH = 1000;

/** True for an absolute http:// or https:// address with a host and no spaces or control characters. */
export function isSourceUrl(text: string): boolean {
  if (!/^https?:\/\/[^\s/?#\\]/i.test(text) || /[\s\u0000-\u001f\u007f]/.test(text) || text.length > SOURCE_URL_MAX_LENGTH) return false;
  try {
    const url = new URL(text);
    return (url.protocol === "http:" || url.protocol === "https:") && url.hostname !== "";
  } catch {
    return false;
  }
}

/** Why `text` cannot be a source URL, in English (imports report it by line and column), or null when it can. */
export function sourceUrlProblem(text: string): string | null {
  if (isSourceUrl(text)) return null;
  const shown = text.length > 80 ? `${text.slice(0, 80)}…` : text;
  if (text.length > SOURCE_URL_MAX_LENGTH) return `the source URL is longer than ${SOURCE_URL_MAX_LENGTH} characters`;
  return `"${shown}" is not a web address: a source URL starts with http:// or https://`;
}

/** The address to put in a link's href, or undefined (then show the source as text): for rows written before this rule. */
export function sourceHref(url: string | null | undefined): string | undefined {
  return url && isSourceUrl(url) ? url : undefined;
}
