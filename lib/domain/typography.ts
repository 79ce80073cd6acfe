// French typography, the one rule: a narrow no-break space (U+202F) before
// the high signs : ; % ? ! — never a plain space (the sign would wrap onto
// the next line) and never none. fr.json is checked against it by a test;
// the number formatters apply it to what Intl writes (ICU puts a wide
// no-break space before % in some versions, a narrow one in others).
export const NNBSP = "\u202F";

const SIGNS = "[:;%?!]";

/**
 * Places where `text` breaks the rule: a sign preceded by anything but
 * U+202F. Not counted: a sign opening the text (a fragment whose spacing
 * the code joining it supplies), the colon of a URL scheme (https://), a
 * colon between digits (10:30), a sign following another sign (?!).
 */
export function typographyViolations(text: string): { index: number; excerpt: string }[] {
  const found: { index: number; excerpt: string }[] = [];
  for (const m of text.matchAll(new RegExp(SIGNS, "g"))) {
    const i = m.index;
    const before = text[i - 1];
    const after = text[i + 1];
    if (i === 0 || before === NNBSP) continue;
    if (m[0] === ":" && text.startsWith("//", i + 1)) continue;
    if (m[0] === ":" && /\d/.test(before ?? "") && /\d/.test(after ?? "")) continue;
    if (new RegExp(SIGNS).test(before ?? "")) continue;
    found.push({ index: i, excerpt: text.slice(Math.max(0, i - 20), i + 5) });
  }
  return found;
}

/** `text` with the spaces (plain, no-break or none) before each high sign made U+202F, where the rule asks for one. */
export function frenchSpacing(text: string): string {
  let out = text.replace(new RegExp(`[ \\u00A0\\u202F]+(${SIGNS})`, "g"), `${NNBSP}$1`);
  for (const { index } of typographyViolations(out).reverse()) out = `${out.slice(0, index)}${NNBSP}${out.slice(index)}`;
  return out;
}

/** A high sign joined to the text before it in code ("Source: " / "Source : "): with U+202F in French. */
export function sign(mark: ":" | ";" | "%" | "?" | "!", locale: string): string {
  return locale === "fr" ? `${NNBSP}${mark}` : mark;
}
