// A link to the compare page for an indicator in a place (and a breakdown),
// for tiles, charts and region pages. The address comes from compareHref, the
// one URL rule. The breakdown (a disaggregation key such as
// "status=projected") is the `breakdown` prop: React keeps `key` for itself.
// The default label is in the "compare" messages, which only server
// components have: a client component passes `label`.
import { AppLink } from "@/components/layout/app-link";
import { useTranslations } from "next-intl";
import { compareHref } from "@/lib/domain/datasets";

export interface CompareLinkProps {
  indicator: string;
  /** A P-code. */
  region: string;
  /** The disaggregation key ('' or absent for none). */
  breakdown?: string;
  label?: string;
}

export function CompareLink({ indicator, region, breakdown = "", label }: CompareLinkProps) {
  const href = compareHref(indicator, region, breakdown);
  return label === undefined ? <DefaultLabel href={href} /> : <AppLink href={href}>{label}</AppLink>;
}

function DefaultLabel({ href }: { href: string }) {
  const t = useTranslations("compare");
  return <AppLink href={href}>{t("link")}</AppLink>;
}
