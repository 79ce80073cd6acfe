// What a file is, from its first bytes (its "magic number"), not from its
// name: a PDF renamed .csv is still a PDF, an XLSX renamed .csv still a workbook.
import { ImportFileError, type NotTableKind } from "./file-error";

const KIND_WORDS: Record<NotTableKind, string> = {
  pdf: "a PDF document",
  image: "an image",
  word: "a Word document",
  powerpoint: "a PowerPoint presentation",
  zip: "a ZIP archive without a workbook",
  html: "a web page",
  binary: "a binary file",
};

/** The one refusal for a file that is neither CSV nor XLSX (the form translates it by `code` and `kind`). */
export function notTableError(fileName: string, kind: NotTableKind): ImportFileError {
  return new ImportFileError(`${fileName} is not a CSV or Excel file (it is ${KIND_WORDS[kind]}): save the table as CSV or XLSX and import that`, kind);
}

const startsWith = (data: Uint8Array, magic: readonly number[]) => magic.every((b, i) => data[i] === b);
const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));

const MAGIC: { kind: "zip" | "ole" | NotTableKind; bytes: readonly number[] }[] = [
  { kind: "zip", bytes: [0x50, 0x4b, 0x03, 0x04] },
  { kind: "ole", bytes: [0xd0, 0xcf, 0x11, 0xe0] }, // old binary .xls, .doc, .ppt
  { kind: "pdf", bytes: ascii("%PDF-") },
  { kind: "image", bytes: [0x89, 0x50, 0x4e, 0x47] }, // PNG
  { kind: "image", bytes: [0xff, 0xd8, 0xff] }, // JPEG
  { kind: "image", bytes: ascii("GIF8") },
  { kind: "image", bytes: ascii("RIFF") }, // WebP (and other RIFF media)
  { kind: "zip", bytes: [0x50, 0x4b, 0x05, 0x06] }, // an empty ZIP
];

/** "zip" (an XLSX, or another ZIP), "ole" (old Office), a kind that is no table, or null for text. */
export function sniffKind(data: Uint8Array): "zip" | "ole" | NotTableKind | null {
  const found = MAGIC.find((m) => startsWith(data, m.bytes));
  if (found) return found.kind;
  const head = new TextDecoder("utf-8").decode(data.subarray(0, 512)).replace(/^\uFEFF/, "").trimStart().toLowerCase();
  if (head.startsWith("<!doctype html") || head.startsWith("<html")) return "html";
  return null;
}

/** What a ZIP holds, from its entry names: a workbook, or which other Office file. */
export function zipKind(entryNames: readonly string[]): "xlsx" | NotTableKind {
  if (entryNames.includes("xl/workbook.xml")) return "xlsx";
  if (entryNames.some((n) => n.startsWith("word/"))) return "word";
  if (entryNames.some((n) => n.startsWith("ppt/"))) return "powerpoint";
  return "zip";
}
