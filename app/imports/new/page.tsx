import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { requireUser } from "@/lib/auth/session";
import { indicatorIndex, regionIndex } from "@/lib/data/reference";
import { datasetCatalogue } from "@/lib/data/datasets";
import { MAX_IMPORT_MB } from "@/lib/import/limits";
import { ImportForm } from "@/components/imports/import-form";
import { ScopedMessages } from "@/components/layout/scoped-messages";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("imports"))("title") };
}

export default async function NewImportPage() {
  await requireUser("imports:write");
  const [t, locale, indicators, regions, catalogue] = await Promise.all([getTranslations("imports"), getLocale(), indicatorIndex(), regionIndex(), datasetCatalogue()]);
  const lang = locale === "fr" ? "fr" : "en";
  return (
    <>
      <h1>{t("title")}</h1>
      <p className="lead">{t("intro")}</p>
      <ScopedMessages namespaces={["imports"]}>
        <ImportForm
          indicators={[...indicators.values()].map((i) => ({ code: i.code, name: i.name[lang] }))}
          regions={[...regions.values()].map((r) => ({ pcode: r.pcode, name: r.name[lang] }))}
          datasets={[...catalogue.byCode.values()].map((d) => ({ code: d.code, name: d.name })).sort((a, b) => a.name.localeCompare(b.name, lang))}
          maxMb={MAX_IMPORT_MB}
        />
      </ScopedMessages>
    </>
  );
}
