// The pages of a PDF and the text on each, read with Mozilla's pdf.js.
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import { getDocument, GlobalWorkerOptions } from "pdfjs-dist/legacy/build/pdf.mjs";

GlobalWorkerOptions.workerSrc = pathToFileURL(createRequire(import.meta.url).resolve("pdfjs-dist/legacy/build/pdf.worker.mjs")).href;

export async function pdfPages(bytes: Buffer): Promise<string[]> {
  const doc = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false }).promise;
  const pages: string[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const content = await (await doc.getPage(n)).getTextContent();
    pages.push(content.items.map((item) => ("str" in item ? item.str : "")).join(" "));
  }
  await doc.cleanup();
  return pages;
}

/** The targets of the PDF's link annotations, page by page in order. */
export async function pdfLinks(bytes: Buffer): Promise<string[]> {
  const doc = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false }).promise;
  const links: string[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    for (const a of (await (await doc.getPage(n)).getAnnotations()) as { subtype?: string; url?: string; unsafeUrl?: string }[]) {
      if (a.subtype === "Link" && (a.url ?? a.unsafeUrl)) links.push((a.unsafeUrl ?? a.url)!);
    }
  }
  await doc.cleanup();
  return links;
}
