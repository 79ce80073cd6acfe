// GET /api/v1/snapshot.pdf: the /snapshot page printed to one A4 page by
// headless Chromium (the one the e2e tests use: lib/browser.ts). Chromium
// loads the page with a short session of the caller's own (they may have come
// with an API token, which pages refuse), so the page's permission check runs
// for them; one shared browser, two pages at once. It loads the page from this
// server's own loopback address (behind a TLS proxy the request's https://
// address is not one this server answers), and the PDF's links to this site
// point at its public address (NEXTAUTH_URL).
import { chromium, type Browser } from "playwright-core";
import { NextResponse } from "next/server";
import { chromiumExecutable } from "../browser";
import { internalOrigin, publicUrl } from "../env";
import { recordReadAudit } from "../data/audit";
import type { SessionUser } from "../data/users";
import { internalSessionCookie } from "../auth/session";
import { snapshotRequest } from "./snapshot-content";
import { jsonError } from "./respond";
import { publishedOnly, visibilityFor } from "../auth/visibility";

const RENDER_TIMEOUT_MS = 30_000;
const MAX_PARALLEL = 2;
const PRINT_WIDTH_PX = Math.round((190 / 25.4) * 96);
const PRINT_HEIGHT_PX = Math.round((277 / 25.4) * 96);

let browser: Promise<Browser> | null = null;
let running = 0;
const waiting: (() => void)[] = [];

function sharedBrowser(): Promise<Browser> {
  browser ??= (async () => {
    const found = chromiumExecutable(() => chromium.executablePath());
    if (found.source === "none") throw new ChromiumMissing();
    const launched = await chromium.launch({ executablePath: found.path, args: ["--disable-dev-shm-usage"] });
    launched.on("disconnected", () => (browser = null));
    return launched;
  })().catch((error) => {
    browser = null;
    throw error;
  });
  return browser;
}

class ChromiumMissing extends Error {
  constructor() {
    super("PDF rendering needs Chromium: install it (Debian: apt install chromium) or set CHROMIUM_PATH");
  }
}

async function withSlot<T>(work: () => Promise<T>): Promise<T> {
  if (running >= MAX_PARALLEL) await new Promise<void>((resolve) => waiting.push(resolve));
  running += 1;
  try {
    return await work();
  } finally {
    running -= 1;
    waiting.shift()?.();
  }
}

/**
 * Runs in the page: links to its own origin move to the public one; links that are not http(s) go
 * (the PDF links http(s) only). HTML and SVG links alike (an SVG link's href is not a string).
 */
function publicLinks({ from, to }: { from: string; to: string }) {
  const XLINK = "http://www.w3.org/1999/xlink";
  for (const a of Array.from(document.querySelectorAll("a"))) {
    for (const ns of [null, XLINK]) {
      const href = a.getAttributeNS(ns, "href");
      if (href === null) continue;
      let target: URL | null = null;
      try {
        target = new URL(href, document.baseURI);
      } catch {
        // not a URL: removed below
      }
      if (target?.origin === from) a.setAttributeNS(ns, "href", `${to}${target.pathname}${target.search}${target.hash}`);
      else if (target?.protocol !== "http:" && target?.protocol !== "https:") a.removeAttributeNS(ns, "href");
    }
  }
}

export async function snapshotPdf(request: Request, user: SessionUser): Promise<Response> {
  const url = new URL(request.url);
  const checked = await snapshotRequest(request, publishedOnly(visibilityFor(user)));
  if (!checked.ok) return checked.response;
  const { area, locale } = checked;
  const region = area.pcode;

  const origin = internalOrigin();
  const publicOrigin = publicUrl()?.origin ?? url.origin;
  try {
    const pdf = await withSlot(async () => {
      // Laid out at the printable width of A4 (210 mm less 2 × 10 mm margins, at 96 px per inch).
      const context = await (await sharedBrowser()).newContext({
        locale,
        viewport: { width: PRINT_WIDTH_PX, height: PRINT_HEIGHT_PX },
      });
      try {
        // The session cookie's Secure flag (NEXTAUTH_URL on https) holds on loopback: Chromium counts 127.0.0.1 as secure.
        const { name, value, secure } = await internalSessionCookie(user);
        const domain = new URL(origin).hostname.replace(/^\[|\]$/g, "");
        await context.addCookies([{ name, value, secure, domain, path: "/" }, { name: "NEXT_LOCALE", value: locale, domain, path: "/" }]);
        const page = await context.newPage();
        await page.emulateMedia({ media: "print" });
        const response = await page.goto(`${origin}/snapshot?region=${region}`, { waitUntil: "networkidle", timeout: RENDER_TIMEOUT_MS });
        // A redirect (to /login, /forbidden) would print the wrong page.
        if (!response?.ok() || new URL(page.url()).pathname !== "/snapshot") throw new Error(`the snapshot page answered ${response?.status() ?? "nothing"} at ${new URL(page.url()).pathname}`);
        await page.evaluate(publicLinks, { from: origin, to: publicOrigin });
        // One page, always: a longer source list shrinks the print instead of spilling onto a second sheet.
        const height = await page.evaluate(() => document.documentElement.scrollHeight);
        const scale = Math.max(0.5, Math.min(1, (PRINT_HEIGHT_PX / height) * 0.98));
        return await page.pdf({ format: "A4", printBackground: true, margin: { top: "10mm", bottom: "10mm", left: "10mm", right: "10mm" }, scale });
      } finally {
        await context.close();
      }
    });
    await recordReadAudit({ userId: user.id, action: "export.pdf", entity: "snapshot", entityId: region, after: { locale } });
    const name = `situation-snapshot_${area.name.en.toLowerCase().replace(/[^a-z0-9]+/g, "-")}_${locale}_${new Date().toISOString().slice(0, 10)}.pdf`;
    return new NextResponse(new Uint8Array(pdf), { headers: { "content-type": "application/pdf", "content-disposition": `attachment; filename="${name}"`, "cache-control": "private, no-store" } });
  } catch (error) {
    if (error instanceof ChromiumMissing) return jsonError(503, "pdf_unavailable", error.message);
    console.error("snapshot PDF failed", error);
    return jsonError(500, "pdf_failed", "The PDF could not be rendered; try again");
  }
}
