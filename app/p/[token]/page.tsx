// A public read-only link: the linked page, with the link's filters, for
// anyone who holds the token, without login and with published figures only
// (requireReader reads the link set here). The proxy lets /p/* through,
// rate-limits it, refuses anything but GET/HEAD, and marks the request so the
// root layout renders no navigation; the page itself is noindex.
import type { Metadata } from "next";
import { cache } from "react";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { enterPublicLink } from "@/lib/auth/reader";
import { publishedDataAsOf, resolvePublicLink } from "@/lib/data/public-links";
import { linkablePage } from "@/lib/domain/public-link-pages";
import { formatTimestamp } from "@/lib/domain/format";
import { LINKED_PAGES } from "./linked-pages";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ token: string }> };

// The metadata and the page ask once per request (one lookup, one last-use note).
const resolve = cache(resolvePublicLink);

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const link = await resolve((await params).token);
  return { title: link?.label ?? (await getTranslations("publicLink"))("goneTitle"), robots: { index: false, follow: false } };
}

/** The link's query as a page's searchParams (a repeated key gives an array, as Next does). */
function searchParamsOf(query: URLSearchParams): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const key of new Set(query.keys())) {
    const values = query.getAll(key);
    out[key] = values.length > 1 ? values : values[0]!;
  }
  return out;
}

export default async function PublicLinkPage({ params }: Props) {
  const link = await resolve((await params).token);
  const url = link ? new URL(link.path, "http://public-link.invalid") : null;
  const target = url ? linkablePage(url.pathname) : null;
  if (!link || !url || !target) notFound();
  enterPublicLink({ linkId: link.id, path: link.path });
  const [{ default: LinkedPage }, t, locale, asOf] = await Promise.all([LINKED_PAGES[target.page](), getTranslations("publicLink"), getLocale(), publishedDataAsOf()]);
  return (
    <>
      <LinkedPage params={Promise.resolve<Record<string, string>>(target.pcode ? { pcode: target.pcode } : {})} searchParams={Promise.resolve(searchParamsOf(url.searchParams))} />
      <footer className="public-link-footer" data-public-link={link.id}>
        {t("footer", { date: asOf ? formatTimestamp(asOf.toISOString(), locale) : "—" })}
      </footer>
    </>
  );
}
