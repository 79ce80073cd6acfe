import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { requireUser } from "@/lib/auth/session";
import { ROLES } from "@/lib/auth/permissions";
import { getUser, listTokens } from "@/lib/data/user-admin";
import { regionIndex } from "@/lib/data/reference";
import { datasetCatalogue } from "@/lib/data/datasets";
import { ScopeForm } from "@/components/admin/scope-form";
import { userIdSchema } from "@/lib/validation/users";
import { ActionForm } from "@/components/admin/action-form";
import { TokenTable } from "@/components/admin/token-table";
import { ScopedMessages } from "@/components/layout/scoped-messages";
import { changeRoleAction, resetPasswordAction, setActiveAction, setScopeAction } from "../../actions";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin"))("usersTitle") };
}

export default async function UserPage({ params }: Props) {
  const actor = await requireUser("users:manage");
  const id = userIdSchema.safeParse((await params).id);
  const user = id.success ? await getUser(id.data) : null;
  if (!user) notFound();
  const [t, tr, tokens, locale, places, catalogue] = await Promise.all([getTranslations("admin"), getTranslations("roles"), listTokens(user.id), getLocale(), regionIndex(), datasetCatalogue()]);
  const lang = locale === "fr" ? "fr" : "en";
  const regions = [...places.values()].filter((r) => r.level === 1).sort((a, b) => a.pcode.localeCompare(b.pcode)).map((r) => ({ pcode: r.pcode, name: r.name[lang] }));
  const datasets = [...catalogue.byCode.values()].sort((a, b) => a.name.localeCompare(b.name)).map((d) => ({ code: d.code, name: d.name }));
  const self = actor.id === user.id;
  const hidden = { id: String(user.id) };
  return (
    <>
      <p>
        <Link href="/admin/users">← {t("back")}</Link>
      </p>
      <h1>{t("userTitle", { email: user.email })}</h1>
      <p>
        {user.name} · {tr(user.role)} · {user.active ? t("active") : t("disabled")}
        {user.mustChangePassword && ` (${t("mustChange")})`}
      </p>
      <ScopedMessages namespaces={["admin"]}>
        {!self && (
          <section aria-labelledby="role-heading">
            <h2 id="role-heading">{t("changeRole")}</h2>
            <ActionForm action={changeRoleAction} hidden={hidden} submitLabel={t("saveRole")} fields={[{ name: "role", label: t("role"), type: "select", defaultValue: user.role, options: ROLES.map((r) => ({ value: r, label: tr(r) })) }]} />
            <ActionForm
              action={setActiveAction}
              hidden={{ ...hidden, active: String(!user.active) }}
              submitLabel={user.active ? t("disable") : t("enable")}
              danger={user.active}
              confirm={user.active ? t("disableConfirm", { email: user.email }) : undefined}
            />
          </section>
        )}
        <section aria-labelledby="scope-heading">
          <h2 id="scope-heading">{t("scopeTitle")}</h2>
          <p className="hint">{t("scopeIntro")}</p>
          <ScopeForm action={setScopeAction} userId={user.id} regions={regions} datasets={datasets} scope={user.scope} />
        </section>
        <section aria-labelledby="reset-heading">
          <h2 id="reset-heading">{t("resetPassword")}</h2>
          <p className="hint">{t("resetPasswordHint")}</p>
          <ActionForm action={resetPasswordAction} hidden={hidden} submitLabel={t("resetPassword")} fields={[{ name: "password", label: t("temporaryPassword"), type: "password", autoComplete: "new-password" }]} />
        </section>
        <section aria-labelledby="tokens-heading">
          <h2 id="tokens-heading">{t("tokens")}</h2>
          <TokenTable tokens={tokens} caption={t("tokens")} />
        </section>
      </ScopedMessages>
    </>
  );
}
