import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { requireUser } from "@/lib/auth/session";
import { parseIsoDate } from "@/lib/domain/dates";
import { FigureForm } from "@/components/figures/figure-form";
import { FigureFormMessages } from "@/components/figures/figure-form-provider";
import { figureFormOptions } from "@/components/figures/form-options";
import { coversPeriodByDefault } from "@/lib/domain/figure-form";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("figureForm"))("newTitle") };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** `?indicator=&region=&date=` prefill the form (links from dashboards). */
export default async function NewFigurePage({ searchParams }: Props) {
  const user = await requireUser("figures:write");
  const [locale, t, tu, query] = await Promise.all([getLocale(), getTranslations("figureForm"), getTranslations("units"), searchParams]);
  const options = await figureFormOptions(locale, (u) => tu(u) || u, user);
  const one = (key: string) => (typeof query[key] === "string" ? (query[key] as string) : "");
  const indicator = options.indicators.find((i) => i.code === one("indicator"));
  const region = options.regions.find((r) => r.pcode === one("region"));
  const date = parseIsoDate(one("date")) ? one("date") : "";
  return (
    <>
      <h1>{t("newTitle")}</h1>
      <FigureFormMessages>
        <FigureForm
          {...options}
          initial={{ indicator: indicator?.code ?? "", region: region?.pcode ?? "", periodStart: date, isRange: indicator ? coversPeriodByDefault(indicator.theme) : false }}
        />
      </FigureFormMessages>
    </>
  );
}
