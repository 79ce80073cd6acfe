// Links from a chart to the compare page, one per series that has more than
// one dataset (compareHref is the one URL rule).
import { AppLink } from "@/components/layout/app-link";
import { getTranslations } from "next-intl/server";

export async function CompareLinks({ links }: { links: { href: string; series: string | null }[] }) {
  if (!links.length) return null;
  const t = await getTranslations("charts");
  return (
    <p className="chart-links">
      {links.map((l, i) => (
        <span key={l.href}>
          {i > 0 && " · "}
          <AppLink href={l.href}>{l.series ? t("compareLinkFor", { series: l.series }) : t("compareLink")}</AppLink>
        </span>
      ))}
    </p>
  );
}
