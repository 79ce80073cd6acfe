import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { requireUser } from "@/lib/auth/session";
import { listPublicLinks } from "@/lib/data/public-links";
import { listRegions } from "@/lib/data/reference";
import { decomposeLinkPath, LINKABLE_PAGES, PUBLIC_LINK_LABEL_MAX, PUBLIC_LINK_MAX_DAYS } from "@/lib/domain/public-link-pages";
import { ActionForm } from "@/components/admin/action-form";
import { PublicLinkTable } from "@/components/admin/public-link-table";
import { ScopedMessages } from "@/components/layout/scoped-messages";
import { createPublicLinkAction } from "./actions";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin"))("linksTitle") };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** Public read-only links: admins see and revoke every link, reviewers their own. `?path=` prefills the form (the header's "Create public link"). */
export default async function PublicLinksPage({ searchParams }: Props) {
  const user = await requireUser("links:manage");
  const { path } = await searchParams;
  const prefill = typeof path === "string" ? decomposeLinkPath(path) : null;
  const [t, locale, links, regions] = await Promise.all([getTranslations("admin"), getLocale(), listPublicLinks(user), listRegions()]);
  const lang = locale === "fr" ? "fr" : "en";
  const pages = LINKABLE_PAGES.map((page) => ({ value: page, label: t(`linkPages.${page === "/" ? "overview" : page === "/regions/[pcode]" ? "region" : page.slice(1)}` as never) }));
  const regionOptions = [{ value: "", label: t("linkNoRegion") }, ...regions.filter((r) => r.level <= 1 || r.pcode === prefill?.region).map((r) => ({ value: r.pcode, label: r.level === 0 ? t("linkCountry", { name: r.name[lang] }) : r.name[lang] }))];
  return (
    <>
      <h1>{t("linksTitle")}</h1>
      <p className="lead">{t("linksIntro", { max: PUBLIC_LINK_MAX_DAYS })}</p>
      <ScopedMessages namespaces={["admin"]}>
        <section aria-labelledby="create-link-heading">
          <h2 id="create-link-heading">{t("createLink")}</h2>
          <ActionForm
            action={createPublicLinkAction}
            submitLabel={t("createLink")}
            fields={[
              { name: "label", label: t("linkLabel"), hint: t("linkLabelHint", { max: PUBLIC_LINK_LABEL_MAX }), defaultValue: "" },
              { name: "page", label: t("linkPage"), type: "select", options: pages, defaultValue: prefill?.page ?? "/snapshot" },
              { name: "region", label: t("linkRegion"), type: "select", options: regionOptions, optional: true, defaultValue: prefill?.region ?? "", hint: t("linkRegionHint") },
              { name: "filters", label: t("linkFilters"), optional: true, defaultValue: prefill?.filters ?? "", hint: t("linkFiltersHint") },
              { name: "days", label: t("linkDays"), type: "number", defaultValue: "30", min: 1, max: PUBLIC_LINK_MAX_DAYS, hint: t("linkDaysHint", { max: PUBLIC_LINK_MAX_DAYS }) },
            ]}
          />
        </section>
        <section aria-labelledby="links-heading">
          <h2 id="links-heading">{user.role === "admin" ? t("allLinks") : t("yourLinks")}</h2>
          <PublicLinkTable links={links} caption={user.role === "admin" ? t("allLinks") : t("yourLinks")} />
        </section>
      </ScopedMessages>
    </>
  );
}
