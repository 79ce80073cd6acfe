"use client";

import { useTranslations } from "next-intl";
import { usePathname, useRouter } from "next/navigation";
import { linkablePage } from "@/lib/domain/public-link-pages";

/**
 * "Create public link" (links:manage holders, on the pages a link may show):
 * opens the public links page with this page and its filters filled in.
 */
export function CreatePublicLink() {
  const t = useTranslations("share");
  const pathname = usePathname();
  const router = useRouter();
  if (!linkablePage(pathname)) return null;
  return (
    <button type="button" className="button-link" onClick={() => router.push(`/admin/links?path=${encodeURIComponent(window.location.pathname + window.location.search)}`)}>
      {t("createPublicLink")}
    </button>
  );
}
