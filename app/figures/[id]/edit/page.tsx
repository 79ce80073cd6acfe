import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { requireUser } from "@/lib/auth/session";
import { placeOf } from "@/lib/data/figure-writes";
import { outsideScope } from "@/lib/auth/scope";
import { readFigure } from "@/lib/data/figures";
import { visibilityFor } from "@/lib/auth/visibility";
import { parseFigureId } from "@/lib/api/figure-writes-endpoint";
import { figureToFormValues } from "@/lib/domain/figure-form";
import { isDerivedIndicator } from "@/lib/domain/funding";
import { FigureForm } from "@/components/figures/figure-form";
import { FigureFormMessages } from "@/components/figures/figure-form-provider";
import { figureFormOptions, valueForInput } from "@/components/figures/form-options";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: (await getTranslations("figureForm"))("editTitle", { id: (await params).id }) };
}

export default async function EditFigurePage({ params }: Props) {
  const user = await requireUser("figures:write");
  const id = parseFigureId((await params).id);
  // Checked on the record: a figure the user may not read (another's draft, outside a read scope) does not exist for them.
  const figure = id === null ? null : await readFigure(visibilityFor(user, { includeUnpublished: true }), id);
  if (!figure) notFound();
  const [locale, t, tu] = await Promise.all([getLocale(), getTranslations("figureForm"), getTranslations("units")]);
  if (isDerivedIndicator(figure.indicator)) {
    return (
      <>
        <h1>{t("editTitle", { id: figure.id })}</h1>
        <p className="notice" role="status">
          {t("derivedNote")}
        </p>
      </>
    );
  }
  // A figure outside the writer's scope is not offered for editing: the write would be refused.
  const outside = outsideScope(user.scope, { place: await placeOf(figure.region), dataset: figure.dataset.code });
  if (outside) {
    return (
      <>
        <h1>{t("editTitle", { id: figure.id })}</h1>
        <p className="notice" role="status">
          {t("outsideScope", { kind: outside.kind, code: outside.code })}
        </p>
      </>
    );
  }
  const edited = figure.pendingRevision ?? figure;
  const options = await figureFormOptions(locale, (u) => tu(u) || u, user);
  return (
    <>
      <h1>{t("editTitle", { id: figure.id })}</h1>
      <FigureFormMessages>
        {/* A pending revision is what the writer edits (its values, its version): the published values stay on the figure's page. */}
        <FigureForm
          {...options}
          figureId={figure.id}
          version={edited.version}
          storedValue={edited.value}
          initial={figureToFormValues(edited, (n) => valueForInput(n, locale))}
        />
      </FigureFormMessages>
    </>
  );
}
