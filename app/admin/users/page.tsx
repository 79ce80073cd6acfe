import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { requireUser } from "@/lib/auth/session";
import { ROLES } from "@/lib/auth/permissions";
import { listUsers } from "@/lib/data/user-admin";
import { regionIndex } from "@/lib/data/reference";
import { scopeSummary } from "@/lib/domain/scope-summary";
import { formatTimestamp } from "@/lib/domain/format";
import { ActionForm } from "@/components/admin/action-form";
import { scopeFields } from "@/components/admin/scope-fields";
import { ScopedMessages } from "@/components/layout/scoped-messages";
import { createUserAction } from "../actions";
import { TableScroll } from "@/components/layout/table-scroll";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin"))("usersTitle") };
}

export default async function UsersPage() {
  await requireUser("users:manage");
  const [t, tr, locale, users, places, scope] = await Promise.all([getTranslations("admin"), getTranslations("roles"), getLocale(), listUsers(), regionIndex(), scopeFields()]);
  const lang = locale === "fr" ? "fr" : "en";
  const scopeWords = { everywhere: t("scopeEverywhere"), datasets: (count: number) => t("scopeDatasetCount", { count }), readingLimited: t("scopeReadingLimited") };
  const regionName = (pcode: string) => places.get(pcode)?.name[lang] ?? pcode;
  return (
    <>
      <h1>{t("usersTitle")}</h1>
      <p className="lead">{t("usersIntro")}</p>
      <TableScroll>
        <table>
          <caption className="visually-hidden">{t("usersTitle")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("email")}</th>
              <th scope="col">{t("name")}</th>
              <th scope="col">{t("role")}</th>
              <th scope="col">{t("scope")}</th>
              <th scope="col">{t("status")}</th>
              <th scope="col">{t("lastLogin")}</th>
              <th scope="col" className="num">
                {t("tokens")}
              </th>
            </tr>
          </thead>
          <tbody>
            {users.map((u) => (
              <tr key={u.id} data-email={u.email}>
                <td>
                  <Link href={`/admin/users/${u.id}`} aria-label={t("open", { email: u.email })}>
                    {u.email}
                  </Link>
                </td>
                <td>{u.name}</td>
                <td>{tr(u.role)}</td>
                <td data-scope>{scopeSummary(u.scope, regionName, scopeWords)}</td>
                <td>
                  {u.active ? t("active") : t("disabled")}
                  {u.mustChangePassword && ` (${t("mustChange")})`}
                </td>
                <td>{u.lastLoginAt ? formatTimestamp(u.lastLoginAt, locale) : t("never")}</td>
                <td className="num">{u.activeTokens}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      <section aria-labelledby="create-user">
        <h2 id="create-user">{t("createUser")}</h2>
        <ScopedMessages namespaces={["admin"]}>
          <ActionForm
            action={createUserAction}
            submitLabel={t("createUser")}
            fields={[
              { name: "email", label: t("email"), type: "email", autoComplete: "off" },
              { name: "name", label: t("name") },
              { name: "role", label: t("role"), type: "select", defaultValue: "viewer", options: ROLES.map((r) => ({ value: r, label: tr(r) })) },
              { name: "password", label: t("temporaryPassword"), type: "password", autoComplete: "new-password", hint: t("temporaryPasswordHint") },
              ...scope,
            ]}
          />
        </ScopedMessages>
      </section>
    </>
  );
}
