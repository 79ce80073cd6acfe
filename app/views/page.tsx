import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { requireUser } from "@/lib/auth/session";
import { canDeleteSavedView } from "@/lib/auth/permissions";
import { listSavedViews, type SavedViewDto } from "@/lib/data/saved-views";
import { formatDate } from "@/lib/domain/format";
import { TableScroll } from "@/components/layout/table-scroll";
import { removeView } from "./actions";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("views"))("title") };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const RESULTS = { deleted: "deleted", forbidden: "deleteForbidden", not_found: "notFound" } as const;

export default async function SavedViewsPage({ searchParams }: Props) {
  const user = await requireUser("views:save");
  const result = (await searchParams).result;
  const [t, locale, views] = await Promise.all([getTranslations("views"), getLocale(), listSavedViews(user.id)]);
  const message = typeof result === "string" && result in RESULTS ? t(RESULTS[result as keyof typeof RESULTS]) : null;

  const table = (rows: SavedViewDto[], caption: string, showOwner: boolean) => (
    <TableScroll>
      <table className="saved-views">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t("name")}</th>
            <th scope="col">{t("page")}</th>
            {showOwner && <th scope="col">{t("owner")}</th>}
            <th scope="col">{t("savedOn")}</th>
            <th scope="col">
              <span className="visually-hidden">{t("delete")}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((v) => (
            <tr key={v.id} data-view-id={v.id}>
              <td>
                <Link href={v.path}>{v.name}</Link>
                {v.shared && !showOwner && <span className="view-shared"> ({t("sharedMark")})</span>}
              </td>
              <td>
                <code>{v.path}</code>
              </td>
              {showOwner && <td>{v.owner.name}</td>}
              <td>{formatDate(v.createdAt.slice(0, 10), locale)}</td>
              <td>
                {canDeleteSavedView(user, { userId: v.owner.id, shared: v.shared }) && (
                  <form action={removeView}>
                    <input type="hidden" name="id" value={v.id} />
                    <button type="submit" className="button-secondary" aria-label={t("deleteView", { name: v.name })}>
                      {t("delete")}
                    </button>
                  </form>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );

  return (
    <>
      <h1>{t("title")}</h1>
      <p className="lead">{t("intro")}</p>
      {message && (
        <p className={result === "deleted" ? "notice" : "form-error"} role="status">
          {message}
        </p>
      )}
      <h2>{t("mine")}</h2>
      {views.mine.length ? table(views.mine, t("mine"), false) : <p>{t("noneMine")}</p>}
      <h2>{t("shared")}</h2>
      {views.shared.length ? table(views.shared, t("shared"), true) : <p>{t("noneShared")}</p>}
    </>
  );
}
