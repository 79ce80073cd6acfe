import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { requireUser } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { listImports } from "@/lib/data/imports";
import { listImportMappings } from "@/lib/data/import-mappings";
import { SavedMappings } from "@/components/imports/saved-mappings";
import { ScopedMessages } from "@/components/layout/scoped-messages";
import { formatTimestamp } from "@/lib/domain/format";
import { TableScroll } from "@/components/layout/table-scroll";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("imports"))("listTitle") };
}

export default async function ImportsPage() {
  const user = await requireUser("figures:read");
  const writer = can(user.role, "imports:write");
  const [t, locale, imports, mappings] = await Promise.all([getTranslations("imports"), getLocale(), listImports(), writer ? listImportMappings() : []]);
  const when = (iso: string) => formatTimestamp(iso, locale);
  return (
    <>
      <h1>{t("listTitle")}</h1>
      {writer && (
        <p className="form-actions">
          <Link className="button-link-primary" href="/imports/new">
            {t("newImport")}
          </Link>
        </p>
      )}
      {imports.length === 0 ? (
        <p>{t("none")}</p>
      ) : (
        <TableScroll>
          <table>
            <thead>
              <tr>
                <th scope="col">#</th>
                <th scope="col">{t("file")}</th>
                <th scope="col">{t("mapping")}</th>
                <th scope="col">{t("counts")}</th>
                <th scope="col">{t("state")}</th>
                <th scope="col">{t("review.title")}</th>
                <th scope="col">{t("who")}</th>
                <th scope="col">{t("when")}</th>
              </tr>
            </thead>
            <tbody>
              {imports.map((i) => (
                <tr key={i.id}>
                  <td>
                    <Link href={`/imports/${i.id}`}>{i.id}</Link>
                  </td>
                  <td>{i.fileName}</td>
                  <td>{i.mappingName}</td>
                  <td>{`${i.created} / ${i.updated} / ${i.unchanged}`}</td>
                  <td>{i.status === "committed" ? t("committedState") : t("rolledBackState")}</td>
                  <td>
                    <span className="review-badge" data-review={i.review}>
                      {t(`review.state_${i.review}`)}
                    </span>
                  </td>
                  <td>{i.user ?? "—"}</td>
                  <td>{when(i.createdAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      {writer && (
        <section aria-labelledby="saved-mappings">
          <h2 id="saved-mappings">{t("savedMappings")}</h2>
          <p>{t("savedMappingsIntro")}</p>
          <ScopedMessages namespaces={["imports"]}>
            <SavedMappings rows={mappings.map((m) => ({ id: m.id, name: m.name, columns: m.signature.split("|").join(", "), user: m.user, when: when(m.createdAt) }))} />
          </ScopedMessages>
        </section>
      )}
    </>
  );
}
